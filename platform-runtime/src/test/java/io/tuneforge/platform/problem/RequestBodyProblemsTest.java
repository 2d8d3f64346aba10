package io.tuneforge.platform.problem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tuneforge.platform.probe.CuttableDatabase;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Bad request bodies are the caller's 400 problem+json, never a 500 from the database. */
@QuarkusTest
@QuarkusTestResource(CuttableDatabase.class)
class RequestBodyProblemsTest {

    @Test
    void aNulCharacterInAStringIsA400NamingTheField() {
        post("{\"title\":\"bad\\u0000title\",\"tags\":[\"a\"]}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tuneforge.io/problems/invalid-character"))
                .body("errors[0].field", equalTo("title"))
                .body("detail", allOf(containsString("'title'"), containsString("/title"), containsString("\\u0000"),
                        containsString("remove it")));
    }

    @Test
    void aNulCharacterInAListElementAMapKeyOrFreeFormJsonIsA400Too() {
        post("{\"title\":\"ok\",\"tags\":[\"a\",\"b\\u0000\"]}")
                .statusCode(400).body("errors[0].field", equalTo("tags[1]")).body("detail", containsString("/tags/1"));
        post("{\"title\":\"ok\",\"labels\":{\"k\\u0000\":\"v\"}}")
                .statusCode(400).body("type", equalTo("https://tuneforge.io/problems/invalid-character"));
        post("{\"title\":\"ok\",\"extra\":{\"deep\":[{\"x\":\"\\u0000\"}]}}")
                .statusCode(400).body("errors[0].field", equalTo("extra"));
    }

    @Test
    void ordinaryTextIsStored() {
        post("{\"title\":\"caf\\u00e9 \\u2713\",\"tags\":[\"a\"],\"extra\":{\"k\":\"v\"}}").statusCode(200);
    }

    @Test
    void aValueOfTheWrongKindNamesTheFieldAndNoJavaType() {
        post("{\"title\":\"ok\",\"count\":\"many\"}")
                .statusCode(400)
                .body("type", equalTo("https://tuneforge.io/problems/malformed-json"))
                .body("errors[0].field", equalTo("count"))
                .body("detail", allOf(containsString("a number"), not(containsString("java.")), not(containsString("`"))));
        post("{\"title\":\"ok\",\"tags\":{\"a\":1}}")
                .statusCode(400)
                .body("detail", allOf(containsString("'tags'"), containsString("a list"), not(containsString("java."))));
        post("{\"title\": }")
                .statusCode(400)
                .body("detail", allOf(containsString("not valid JSON"), not(containsString("java.")), not(containsString("Source"))));
    }

    private static io.restassured.response.ValidatableResponse post(String body) {
        return given().contentType("application/json").body(body).post("/probe/notes").then();
    }
}
