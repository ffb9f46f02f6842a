// Scores an hcr ONNX file with onnxruntime-node, a runtime outside the JVM.
// Usage: node check.js MODEL.onnx IMAGES.f32 N
//   IMAGES.f32: N*28*28 little-endian float32 pixels ([N,28,28,1], ink light on dark, [0,1]).
// Prints one JSON line: {"input": name, "output": name, "dims": [...], "probabilities": [...]}.
'use strict';
const fs = require('fs');
const ort = require('onnxruntime-node');

async function main() {
  const [modelPath, imagesPath, count] = process.argv.slice(2);
  const n = Number(count);
  const bytes = fs.readFileSync(imagesPath);
  const pixels = new Float32Array(bytes.buffer, bytes.byteOffset, n * 28 * 28);
  const session = await ort.InferenceSession.create(modelPath);
  const input = new ort.Tensor('float32', pixels, [n, 28, 28, 1]);
  const results = await session.run({ [session.inputNames[0]]: input });
  const out = results[session.outputNames[0]];
  console.log(JSON.stringify({
    input: session.inputNames[0],
    output: session.outputNames[0],
    dims: out.dims,
    probabilities: Array.from(out.data),
  }));
}

main().catch((e) => {
  console.error(`node-check: ${e.message}`);
  process.exit(1);
});
