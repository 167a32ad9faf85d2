#!/usr/bin/python3
"""Writes a ResNet-18 trunk (no classifier; 512-d output) as TorchScript, random weights.

usage: export_resnet18.py OUT.pt   (Debian python3-torch + python3-torchvision; no download)
Only for speed benchmarks: the weights are untrained, the compute is exactly ResNet-18's.
"""
import sys

import torch
import torchvision

model = torchvision.models.resnet18(weights=None)
model.fc = torch.nn.Identity()
model.eval()
torch.jit.script(model).save(sys.argv[1])
