#!/usr/bin/python3
"""PyTorch reference of Tessera's SR-MIL and ABMIL for speed comparison (Debian python3-torch).

usage: mil_reference.py MODEL FEATURE_DIR THREADS EPOCHS   -> prints seconds per epoch
Same architecture, sizes, loss and optimizer as core/model/nets (a straightforward PyTorch
version with index_add message passing); the graph is built the same way from the coordinates.
"""
import glob
import math
import sys
import time

import h5py
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def spatial_graph(coords):
    step = min(np.diff(np.unique(coords[:, 0])).min(initial=10**9), np.diff(np.unique(coords[:, 1])).min(initial=10**9))
    grid = np.rint(coords / step).astype(np.int64)
    cells = {tuple(g): i for i, g in enumerate(grid)}
    src, dst = [], []
    for i, (gx, gy) in enumerate(grid):
        for dy in range(-2, 3):
            for dx in range(-2, 3):
                if dx * dx + dy * dy > (2 * 1.42) ** 2:
                    continue
                j = cells.get((gx + dx, gy + dy))
                if j is not None:
                    src.append(j)
                    dst.append(i)
    return torch.tensor(src), torch.tensor(dst)


def edge_softmax(scores, dst, n):
    idx = dst.unsqueeze(1).expand_as(scores)
    maxima = torch.full((n, scores.size(1)), -math.inf).scatter_reduce(0, idx, scores.detach(), "amax", include_self=True)
    e = (scores - maxima[dst]).exp()
    sums = torch.zeros(n, scores.size(1)).index_add(0, dst, e)
    return e / sums[dst].clamp_min(1e-16)


class Gat(nn.Module):
    def __init__(self, d_in, d_out, heads, feat_drop, attn_drop, concat, activate):
        super().__init__()
        self.h, self.f, self.concat, self.activate = heads, d_out, concat, activate
        self.fc = nn.Linear(d_in, heads * d_out, bias=False)
        self.a_src = nn.Parameter(torch.empty(1, heads, d_out))
        self.a_dst = nn.Parameter(torch.empty(1, heads, d_out))
        nn.init.xavier_normal_(self.a_src, math.sqrt(2))
        nn.init.xavier_normal_(self.a_dst, math.sqrt(2))
        out = heads * d_out if concat else d_out
        self.res = nn.Linear(d_in, out, bias=False) if d_in != out else None
        self.fd, self.ad = nn.Dropout(feat_drop), nn.Dropout(attn_drop)
        if activate:
            self.act, self.norm = nn.PReLU(), nn.LayerNorm(out)

    def forward(self, x, src, dst):
        n = x.size(0)
        z = self.fc(self.fd(x)).view(n, self.h, self.f)
        s = F.leaky_relu((z * self.a_src).sum(-1)[src] + (z * self.a_dst).sum(-1)[dst], 0.2)
        alpha = edge_softmax(s, dst, n)
        out = torch.zeros(n, self.h, self.f).index_add(0, dst, z[src] * self.ad(alpha).unsqueeze(-1))
        out = out.reshape(n, -1) if self.concat else out.mean(1)
        out = out + (self.res(x) if self.res is not None else x)
        return self.norm(self.act(out)) if self.activate else out


class SrMil(nn.Module):
    def __init__(self, d, classes, hidden=64, heads=4, w_gen=1.0, w_ce=1.0, mask_rate=0.7):
        super().__init__()
        self.w_gen, self.w_ce, self.mask_rate = w_gen, w_ce, mask_rate
        self.proj = nn.Linear(d, d)
        self.enc1 = Gat(d, hidden, heads, 0.1, 0.15, True, True)
        self.enc2 = Gat(heads * hidden, hidden, heads, 0.1, 0.15, False, True)
        self.e2d = nn.Linear(hidden, hidden, bias=False)
        self.dec1 = Gat(hidden, hidden, heads, 0.1, 0.15, True, True)
        self.dec2 = Gat(heads * hidden, d, 1, 0.0, 0.0, False, False)
        self.cls = nn.Sequential(nn.Linear(hidden, 128), nn.ReLU(), nn.Dropout(0.25), nn.Linear(128, classes))
        self.mask_token = nn.Parameter(torch.zeros(1, d))
        self.dec_token = nn.Parameter(torch.zeros(1, hidden))
        self.supernode = nn.Parameter(torch.randn(1, d) * 0.02)

    def encode(self, x, src, dst):
        return self.enc2(self.enc1(self.proj(x), src, dst), src, dst)

    def with_super(self, x, src, dst):
        n = x.size(0)
        p, s, own = torch.arange(n), torch.full((n,), n), torch.tensor([n])
        return torch.cat([x, self.supernode]), torch.cat([src, p, s, own]), torch.cat([dst, s, p, own])

    def step(self, x, src, dst, label):
        n = x.size(0)
        masked = torch.randperm(n)[: max(1, round(self.mask_rate * n))]
        xm = x.index_put((masked,), self.mask_token.expand(masked.size(0), -1))
        target = torch.tensor([label])
        ce_m = F.cross_entropy(self.cls(self.encode(*self.with_super(xm, src, dst))[n]).unsqueeze(0), target)
        ce_f = F.cross_entropy(self.cls(self.encode(*self.with_super(x, src, dst))[n]).unsqueeze(0), target)
        h = self.e2d(self.encode(xm, src, dst))
        h = h.index_put((masked,), self.dec_token.expand(masked.size(0), -1))
        rebuilt = self.dec2(self.dec1(h, src, dst), src, dst)[masked]
        sce = (1 - (F.normalize(rebuilt, dim=-1) * F.normalize(x[masked], dim=-1)).sum(-1)).mean()
        return (2 - self.w_gen) * ((2 - self.w_ce) * ce_m + self.w_ce * ce_f) + self.w_gen * sce


class AbMil(nn.Module):
    def __init__(self, d, classes):
        super().__init__()
        self.embed = nn.Sequential(nn.Linear(d, 256), nn.ReLU(), nn.Dropout(0.25))
        self.v, self.u, self.w = nn.Linear(256, 128), nn.Linear(256, 128), nn.Linear(128, 1)
        self.cls = nn.Linear(256, classes)

    def step(self, x, src, dst, label):
        h = self.embed(x)
        a = torch.softmax(self.w(torch.tanh(self.v(h)) * torch.sigmoid(self.u(h))).squeeze(1), 0)
        return F.cross_entropy(self.cls((a.unsqueeze(1) * h).sum(0)).unsqueeze(0), torch.tensor([label]))


def main():
    model_name, folder, threads, epochs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    bags = []
    for path in sorted(glob.glob(folder + "/*.h5")):
        with h5py.File(path, "r") as f:
            x = torch.from_numpy(f["features"][:].astype(np.float32))
            coords = f["coords"][:]
            label = int(f["patch_labels"][:].max() > 0) if "patch_labels" in f else 0
        src, dst = spatial_graph(coords)
        bags.append((x, src, dst, label))
    d = bags[0][0].size(1)
    model = SrMil(d, 2) if model_name == "srmil" else AbMil(d, 2)
    optimizer = torch.optim.AdamW(model.parameters(), lr=5e-4, weight_decay=1e-5)
    model.train()
    times = []
    for _ in range(epochs):
        start = time.perf_counter()
        for x, src, dst, label in bags:
            optimizer.zero_grad()
            model.step(x, src, dst, label).backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimizer.step()
        times.append(time.perf_counter() - start)
    print(min(times))


if __name__ == "__main__":
    main()
