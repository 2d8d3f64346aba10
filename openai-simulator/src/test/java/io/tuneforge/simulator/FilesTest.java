package io.tuneforge.simulator;

import static io.tuneforge.simulator.SimulatorHarness.client;
import static io.tuneforge.simulator.SimulatorHarness.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.models.files.FileListParams;
import com.openai.models.files.FileObject;
import com.openai.models.files.FilePurpose;
import com.openai.models.uploads.Upload;
import com.openai.models.uploads.UploadCompleteParams;
import com.openai.models.uploads.UploadCreateParams;
import com.openai.models.uploads.parts.PartCreateParams;
import com.openai.models.uploads.parts.UploadPart;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FilesTest {

    private final OpenAIClient client = client();

    @BeforeEach
    void reset() {
        SimulatorHarness.reset();
    }

    @Test
    void uploadListRetrieveReadAndDelete() {
        String content = TicketData.jsonl(TicketData.generate(10, 1));
        FileObject file = upload(client, "train.jsonl", content);
        assertThat(file.id()).startsWith("file-");
        assertThat(file.bytes()).isEqualTo(content.getBytes(StandardCharsets.UTF_8).length);
        assertThat(file.filename()).isEqualTo("train.jsonl");
        assertThat(file.purpose()).isEqualTo(FileObject.Purpose.FINE_TUNE);

        assertThat(client.files().list(FileListParams.builder().purpose("fine-tune").build()).data())
                .extracting(FileObject::id).containsExactly(file.id());
        assertThat(client.files().retrieve(file.id()).filename()).isEqualTo("train.jsonl");
        assertThat(new String(FineTuningJobTest.readAll(client.files().content(file.id())), StandardCharsets.UTF_8)).isEqualTo(content);

        assertThat(client.files().delete(file.id()).deleted()).isTrue();
        assertThatThrownBy(() -> client.files().retrieve(file.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void fineTuneFilesAreCheckedLikeOpenAiDoes() {
        assertThatThrownBy(() -> upload(client, "train.jsonl", "{\"messages\": []}\nnot json\n"))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.getMessage()).contains("Line 2 is not a valid JSON object");
                    assertThat(e.param()).contains("file");
                });
        assertThatThrownBy(() -> upload(client, "train.csv", "a,b\n")).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("Must be .jsonl");
    }

    @Test
    void largeFilesGoThroughTheUploadsApiInParts() {
        byte[] content = TicketData.jsonl(TicketData.generate(40, 2)).getBytes(StandardCharsets.UTF_8);
        int half = content.length / 2;
        Upload upload = client.uploads().create(UploadCreateParams.builder().filename("big.jsonl").purpose(FilePurpose.FINE_TUNE)
                .bytes(content.length).mimeType("text/jsonl").build());
        assertThat(upload.status()).isEqualTo(Upload.Status.PENDING);
        UploadPart first = client.uploads().parts().create(PartCreateParams.builder().uploadId(upload.id())
                .data(Arrays.copyOfRange(content, 0, half)).build());
        UploadPart second = client.uploads().parts().create(PartCreateParams.builder().uploadId(upload.id())
                .data(Arrays.copyOfRange(content, half, content.length)).build());

        assertThatThrownBy(() -> client.uploads().complete(UploadCompleteParams.builder().uploadId(upload.id()).addPartId(second.id()).build()))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("add up to");

        Upload done = client.uploads().complete(UploadCompleteParams.builder().uploadId(upload.id())
                .addPartId(first.id()).addPartId(second.id()).build());
        assertThat(done.status()).isEqualTo(Upload.Status.COMPLETED);
        FileObject file = done.file().orElseThrow();
        assertThat(FineTuningJobTest.readAll(client.files().content(file.id()))).isEqualTo(content);
    }
}
