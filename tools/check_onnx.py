#!/usr/bin/python3
"""Checks an hcr ONNX file with the ONNX reference checker (full_check runs strict shape inference).

Usage: /usr/bin/python3 tools/check_onnx.py MODEL.onnx
Prints the graph's inputs/outputs and opset, and exits non-zero if the checker rejects the file.
"""
import sys

import onnx


def main(path):
    model = onnx.load(path)
    onnx.checker.check_model(model, full_check=True)
    shape = lambda v: [d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim]
    print("ok: ir_version=%d opset=%s inputs=%s outputs=%s nodes=%d" % (
        model.ir_version,
        [(o.domain or "ai.onnx", o.version) for o in model.opset_import],
        [(i.name, shape(i)) for i in model.graph.input],
        [(o.name, shape(o)) for o in model.graph.output],
        len(model.graph.node)))


if __name__ == "__main__":
    main(sys.argv[1])
