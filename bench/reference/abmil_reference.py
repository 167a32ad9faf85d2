#!/usr/bin/python3
"""PyTorch reference of Tessera's ABMIL for speed comparison (Debian python3-torch).

usage: abmil_reference.py FEATURE_DIR THREADS EPOCHS   -> prints the fastest epoch's seconds
Gated attention MIL (Ilse et al. 2018) with the sizes, loss and optimizer of core/model/nets
(AdamW 5e-4 / 1e-5, gradient clipping at 5, one slide per step). SR-MIL's reference is
srmil_reference.py.
"""
import glob
import sys
import time

import h5py
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class AbMil(nn.Module):
    def __init__(self, d, classes):
        super().__init__()
        self.embed = nn.Sequential(nn.Linear(d, 256), nn.ReLU(), nn.Dropout(0.25))
        self.v, self.u, self.w = nn.Linear(256, 128), nn.Linear(256, 128), nn.Linear(128, 1)
        self.cls = nn.Linear(256, classes)

    def step(self, x, label):
        h = self.embed(x)
        a = torch.softmax(self.w(torch.tanh(self.v(h)) * torch.sigmoid(self.u(h))).squeeze(1), 0)
        return F.cross_entropy(self.cls((a.unsqueeze(1) * h).sum(0)).unsqueeze(0), torch.tensor([label]))


def main():
    folder, threads, epochs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    bags = []
    for path in sorted(glob.glob(folder + "/*.h5")):
        with h5py.File(path, "r") as f:
            x = torch.from_numpy(f["features"][:].astype(np.float32))
            label = int(f["patch_labels"][:].max() > 0) if "patch_labels" in f else 0
        bags.append((x, label))
    model = AbMil(bags[0][0].size(1), 2)
    optimizer = torch.optim.AdamW(model.parameters(), lr=5e-4, weight_decay=1e-5)
    model.train()
    times = []
    for _ in range(epochs):
        start = time.perf_counter()
        for x, label in bags:
            optimizer.zero_grad()
            model.step(x, label).backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimizer.step()
        times.append(time.perf_counter() - start)
    print(min(times))


if __name__ == "__main__":
    main()
