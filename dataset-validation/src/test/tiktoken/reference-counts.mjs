// Reference token counts from OpenAI's tiktoken (npm "tiktoken" 1.0.22: the Rust tiktoken core compiled to WASM,
// the same package ../shared/bench's reference validator uses) for strings holding characters that Unicode 14.0,
// 15.0, 15.1 and 16.0 added as letters, marks or digits, each in the contexts where tiktoken's pre-tokenizer
// pieces depend on their class. TokenCounterUnicodeParityTest asserts tuneforge's counts equal these.
//
//   cd dataset-validation/src/test/tiktoken && npm install --no-save && node reference-counts.mjs > ../resources/tiktoken/unicode-parity.jsonl
import { get_encoding } from "tiktoken";
import { readFileSync } from "node:fs";

// Per Unicode version and class (Lu, Ll, Lm, Lo, M, N; BMP and supplementary): the first, middle and last code point
// that the JDK 17 tables (Unicode 13.0) do not know as such, listed from ICU4J 77.1 (Unicode 16.0).
const NEW_CHARACTERS = [
  0x2C5F, 0xA7D3, 0xA7D9, 0x10597, 0x105B9, 0x1DF1E, 0x8C9, 0xA7F3, 0xA7F4, 0x10780, 0x107A4, 0x1AFFE, 0x870, 0x884,
  0x9FFF, 0x10F70, 0x16A73, 0x2B738, 0x2C2F, 0xA7D0, 0xA7D8, 0x10570, 0x10582, 0x10595, 0x898, 0xC3C, 0x1DFA, 0x10F82,
  0x1CF1F, 0x1E2AE, 0x16AC0, 0x16AC5, 0x16AC9, 0x1DF25, 0x1DF28, 0x1DF2A, 0x1E030, 0x1E04F, 0x1E4EB, 0x1123F, 0x31B54,
  0x323AF, 0xCF3, 0xECE, 0x10EFD, 0x13447, 0x1E4EF, 0x11F50, 0x1D2CA, 0x1E4F9, 0x2EBF0, 0x2ED27, 0x2EE5D, 0x1C8A,
  0xA7CD, 0xA7DB, 0x10D70, 0x10D7B, 0x10D85, 0x10D4E, 0x16D41, 0x16D6C, 0x105C0, 0x13C17, 0x1E5F0, 0x1C89, 0xA7CC,
  0xA7DC, 0x10D50, 0x10D5B, 0x10D65, 0x897, 0x10D69, 0x113D0, 0x1E5EF, 0x10D40, 0x16130, 0x1E5FA,
  // the strings that showed the difference, U+0295 (Ll in Unicode 13, Lo since 16.0), and U+10940 (Sidetic, a letter
  // only since Unicode 17.0: tiktoken's tables do not know it, so neither may ours)
  0x1E290, 0xA7C0, 0x16D40, 0x295, 0x10940,
];

// X stands for the character: before apostrophes (contractions), underscores, newlines, digits, spaces, letters,
// punctuation and itself, and after each of them.
const CONTEXTS = [
  "X'l", "X's", "X'd", "X'RE", "aX'll", "XX'll", "x'X's", "'X", "X_MLvne", "_X_", "X\n \n", "X\n", "\nX", "X\r\nx",
  "X \n", "X123", "1X2", "12X", "X  ", " X ", "  X", "a X", "X\t", "X.", "X/x\n", "X!?", "(X)", "aX", "Xa", "AXb",
];

const version = JSON.parse(readFileSync(new URL("node_modules/tiktoken/package.json", import.meta.url), "utf8")).version;
const o200k = get_encoding("o200k_base");
const cl100k = get_encoding("cl100k_base");
process.stdout.write(JSON.stringify({ generator: "reference-counts.mjs", tiktoken: version }) + "\n");
for (const cp of NEW_CHARACTERS) {
  const x = String.fromCodePoint(cp);
  for (const context of CONTEXTS) {
    const text = context.replaceAll("X", x);
    process.stdout.write(JSON.stringify({
      code_point: "U+" + cp.toString(16).toUpperCase().padStart(4, "0"),
      text,
      o200k_base: o200k.encode_ordinary(text).length,
      cl100k_base: cl100k.encode_ordinary(text).length,
    }) + "\n");
  }
}
o200k.free();
cl100k.free();
