package io.tuneforge.dataset.validation.cookbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsNumberTest {

    @Test
    void formatsLikeJavaScript() {
        assertThat(JsNumber.format(5.0)).isEqualTo("5");
        assertThat(JsNumber.format(1.5)).isEqualTo("1.5");
        assertThat(JsNumber.format(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(JsNumber.format(15.899999999999999)).isEqualTo("15.899999999999999");
        assertThat(JsNumber.format(1114.5723671403543)).isEqualTo("1114.5723671403543");
        assertThat(JsNumber.format(1e21)).isEqualTo("1e+21");
        assertThat(JsNumber.format(123456789012345680000.0)).isEqualTo("123456789012345680000");
        assertThat(JsNumber.format(0.000001)).isEqualTo("0.000001");
        assertThat(JsNumber.format(1e-7)).isEqualTo("1e-7");
        assertThat(JsNumber.format(-2.5)).isEqualTo("-2.5");
        assertThat(JsNumber.format(-0.0)).isEqualTo("0");
        assertThat(JsNumber.format(2e-3)).isEqualTo("0.002");
    }
}
