package io.tuneforge.dataset.validation.input;

/**
 * One physical line as bytes, without its terminator. When the line exceeded the reader's limit,
 * {@code overLong} is set, {@code bytes} holds only its beginning and {@code byteLength} its full length.
 */
public record RawLine(long number, byte[] bytes, long byteLength, LineEnding ending, boolean startsWithBom, boolean overLong) {

    public int storedLength() {
        return bytes.length;
    }
}
