#!/usr/bin/python3
"""SR-MIL as its authors published it (github wwyi1828/SRMIL: srmil/models/gat.py, srmil/modeling.py,
srmil/trainer.py, srmil/config.py), transcribed in plain PyTorch for Tessera's tests and benchmarks.

Written for Tessera, not copied: the same architecture, initialisation, graph and loss, with DGL's
GATConv and edge softmax expressed by index_add / scatter_reduce over an edge list.

    srmil_reference.py --fidelity IN.h5 OUT.h5
        Reads a net's weights, a bag, its graph and a mask written by Tessera's tst_fidelity, runs
        one training step's forward and backward with dropout off, and writes the logits, the loss
        terms, every gradient and the reference's own radius graph of the coordinates.
    srmil_reference.py --epoch FOLDER THREADS EPOCHS
        Trains on every <slide>.h5 bag of FOLDER (label: any tumour patch) as the reference does
        (AdamW 5e-4 / 1e-5, no clipping, one slide per step) and prints the fastest epoch's seconds.
    srmil_reference.py --step PATCHES DIM THREADS
        One training step (forward and backward) on a PATCHES × DIM bag laid out as bench_mil's
        (a square-ish grid with 10 % holes, patch size 256): prints the fastest of three steps in
        seconds, then the peak resident MiB during the steps and the resident MiB before them.
"""
import argparse
import glob
import math
import time
import warnings

import h5py
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


warnings.filterwarnings("ignore", message="scatter_reduce")  # beta in torch 1.13; its behaviour is all we need


def radius_graph(coords, step, radius=2 * 1.42):
    """The reference's graph: dgl.radius_graph(pos / step, radius) (dist <= r, no self loops), then
    dgl.add_self_loop. Returns (src, dst) int64 arrays."""
    pos = torch.as_tensor(coords, dtype=torch.float64) / float(step)
    dist = torch.cdist(pos, pos)
    dist.fill_diagonal_(radius + 1)
    dst, src = torch.nonzero(dist <= radius, as_tuple=True)
    n = pos.shape[0]
    loops = torch.arange(n)
    return torch.cat([src, loops]), torch.cat([dst, loops])


def edge_softmax(scores, dst, n):
    """Softmax of per-edge scores [E, H] over the incoming edges of each destination node."""
    index = dst.unsqueeze(1).expand_as(scores)
    maxima = torch.full((n, scores.shape[1]), -math.inf, dtype=scores.dtype)
    maxima = maxima.scatter_reduce(0, index, scores.detach(), "amax", include_self=True)
    e = (scores - maxima[dst]).exp()
    sums = torch.zeros((n, scores.shape[1]), dtype=scores.dtype).index_add(0, dst, e)
    return e / sums[dst]


class GATConv(nn.Module):
    """The reference's GATConv: act(norm(Σ_edges α · fc(drop(x))[src] + bias + res_fc(drop(x)))), heads
    concatenated; res_fc only when the width changes; LayerNorm before PReLU."""

    def __init__(self, in_feats, out_feats, heads, feat_drop, attn_drop, residual, activate, slope=0.2):
        super().__init__()
        self.heads, self.out = heads, out_feats
        self.fc = nn.Linear(in_feats, out_feats * heads, bias=False)
        self.attn_source = nn.Parameter(torch.empty(1, heads, out_feats))
        self.attn_target = nn.Parameter(torch.empty(1, heads, out_feats))
        self.bias = nn.Parameter(torch.zeros(heads * out_feats))
        self.residual = (nn.Linear(in_feats, heads * out_feats, bias=False)
                         if residual and in_feats != heads * out_feats else None)
        self.feature_dropout = nn.Dropout(feat_drop)
        self.attention_dropout = nn.Dropout(attn_drop)
        self.norm = nn.LayerNorm(heads * out_feats) if activate else None
        self.activation = nn.PReLU() if activate else None
        self.slope = slope
        gain = nn.init.calculate_gain("relu")
        nn.init.xavier_normal_(self.fc.weight, gain=gain)
        nn.init.xavier_normal_(self.attn_source, gain=gain)
        nn.init.xavier_normal_(self.attn_target, gain=gain)
        if self.residual is not None:
            nn.init.xavier_normal_(self.residual.weight, gain=gain)

    def forward(self, x, src, dst):
        n = x.shape[0]
        h = self.feature_dropout(x)  # one mask for the projection and the residual
        z = self.fc(h).view(n, self.heads, self.out)
        el = (z * self.attn_source).sum(-1)  # [N, H] source terms
        er = (z * self.attn_target).sum(-1)  # [N, H] destination terms
        alpha = edge_softmax(F.leaky_relu(el[src] + er[dst], self.slope), dst, n)  # [E, H]
        out = torch.zeros_like(z).index_add(0, dst, z[src] * self.attention_dropout(alpha).unsqueeze(-1))
        out = out + self.bias.view(1, self.heads, self.out)
        if self.residual is not None:
            out = out + self.residual(h).view(n, -1, self.out)
        out = out.flatten(1)
        if self.norm is not None:
            out = self.norm(out)
        if self.activation is not None:
            out = self.activation(out)
        return out, alpha


class SRMIL(nn.Module):
    def __init__(self, dim, classes, hidden=64, heads=4, feat_drop=0.11, attn_drop=0.15, cls_drop=0.059,
                 w_gen=1.8, w_ce=1.0, alpha=1.0):
        super().__init__()
        wide = hidden * heads
        self.hidden, self.heads = hidden, heads
        self.w_gen, self.w_ce, self.alpha = w_gen, w_ce, alpha
        self.input_projection = nn.Linear(dim, dim)  # the reference's "reformer"
        nn.init.xavier_uniform_(self.input_projection.weight, gain=1.414)
        nn.init.zeros_(self.input_projection.bias)
        self.encoder1 = GATConv(dim, hidden, heads, feat_drop, attn_drop, True, True)
        self.encoder2 = GATConv(wide, hidden, heads, feat_drop, attn_drop, True, True)
        self.encoder_to_decoder = nn.Linear(wide, wide, bias=False)
        nn.init.xavier_normal_(self.encoder_to_decoder.weight, gain=1.414)
        self.decoder1 = GATConv(wide, hidden, heads, feat_drop, attn_drop, True, True)
        self.decoder2 = GATConv(wide, dim, 1, feat_drop, attn_drop, False, False)
        self.classifier = nn.Sequential(nn.Linear(hidden, 128), nn.ReLU(), nn.Dropout(cls_drop), nn.Linear(128, classes))
        self.mask_token = nn.Parameter(torch.randn(1, dim) * 0.01)
        self.decoder_token = nn.Parameter(torch.randn(1, wide) * 0.01)
        self.supernode = nn.Parameter(torch.randn(1, dim) * 0.01)

    def encode(self, x, src, dst):
        h, _ = self.encoder1(self.input_projection(x), src, dst)
        h, alpha = self.encoder2(h, src, dst)
        return h, alpha

    def slide_logits(self, x, src, dst):
        """The supernode (index N, no self loop) joined both ways to every patch; its row of the
        encoder output, heads averaged, into the classifier."""
        n = x.shape[0]
        patches = torch.arange(n)
        s_src = torch.cat([src, patches, torch.full((n,), n)])
        s_dst = torch.cat([dst, torch.full((n,), n), patches])
        h, alpha = self.encode(torch.cat([x, self.supernode]), s_src, s_dst)
        embedding = h[n].view(self.heads, self.hidden).mean(0)
        return self.classifier(embedding), alpha, s_dst

    def training_losses(self, x, src, dst, label, mask):
        masked_x = x.clone()
        masked_x[mask] = self.mask_token.to(x.dtype)
        # Label-independent: the masked patches rebuilt from their neighbours (no supernode).
        h, _ = self.encode(masked_x, src, dst)
        rep = self.encoder_to_decoder(h).clone()
        rep[mask] = self.decoder_token
        rep, _ = self.decoder1(rep, src, dst)
        rebuilt, _ = self.decoder2(rep, src, dst)
        cosine = (F.normalize(rebuilt[mask], p=2, dim=-1) * F.normalize(x[mask], p=2, dim=-1)).sum(-1)
        sce = (1 - cosine).pow(self.alpha).mean()
        # Label-guided: the masked graph and the full one, each with the supernode.
        logits_masked, _, _ = self.slide_logits(masked_x, src, dst)
        logits_full, _, _ = self.slide_logits(x, src, dst)
        target = torch.tensor([label])
        ce_masked = F.cross_entropy(logits_masked.unsqueeze(0), target)
        ce_full = F.cross_entropy(logits_full.unsqueeze(0), target)
        total = (2 - self.w_gen) * ((2 - self.w_ce) * ce_masked + self.w_ce * ce_full) + self.w_gen * sce
        return {"total": total, "ce_masked": ce_masked, "ce_full": ce_full, "sce": sce,
                "logits_masked": logits_masked, "logits_full": logits_full}


def fidelity(path_in, path_out):
    torch.set_num_threads(1)
    with h5py.File(path_in, "r") as f:
        a = f.attrs
        model = SRMIL(int(a["dim"]), int(a["classes"]), int(a["hidden"]), int(a["heads"]),
                      w_gen=float(a["w_gen"]), w_ce=float(a["w_ce"]))
        params = dict(model.named_parameters())
        stored = set(f["params"].keys())
        if stored != set(params):
            raise SystemExit("parameter names differ: only in Tessera %s, only here %s"
                             % (sorted(stored - set(params)), sorted(set(params) - stored)))
        with torch.no_grad():
            for name, p in params.items():
                value = torch.from_numpy(np.array(f["params"][name]))
                if value.shape != p.shape:
                    raise SystemExit("%s: shape %s in Tessera, %s here" % (name, tuple(value.shape), tuple(p.shape)))
                p.copy_(value)
        x = torch.from_numpy(np.array(f["features"]))
        src = torch.from_numpy(np.array(f["edge_source"]).astype(np.int64))
        dst = torch.from_numpy(np.array(f["edge_target"]).astype(np.int64))
        mask = torch.from_numpy(np.array(f["mask"]).astype(np.int64))
        coords = np.array(f["coords"])
        step = int(a["patch_size"])
        label = int(a["label"])
    model.eval()  # dropout off: both sides compute the same deterministic step
    out = model.training_losses(x, src, dst, label, mask)
    out["total"].backward()
    ref_src, ref_dst = radius_graph(coords, step)
    with h5py.File(path_out, "w") as f:
        for key in ("total", "ce_masked", "ce_full", "sce"):
            f[key] = out[key].detach().numpy()
        f["logits_masked"] = out["logits_masked"].detach().numpy()
        f["logits_full"] = out["logits_full"].detach().numpy()
        grads = f.create_group("grads")
        for name, p in params.items():
            grads[name] = (p.grad if p.grad is not None else torch.zeros_like(p)).numpy()
        f["graph_source"] = ref_src.numpy()
        f["graph_target"] = ref_dst.numpy()


def mask_for(n, rate=0.7):
    return torch.randperm(n)[: int(rate * n)]


def epoch(folder, threads, epochs):
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    bags = []
    for path in sorted(glob.glob(folder + "/*.h5")):
        with h5py.File(path, "r") as f:
            x = torch.from_numpy(f["features"][:].astype(np.float32))
            coords = f["coords"][:]
            step = int(f.attrs.get("patch_size_level0", f.attrs.get("patch_size", 256)))
            label = int(f["patch_labels"][:].max() > 0) if "patch_labels" in f else 0
        src, dst = radius_graph(coords, step)
        bags.append((x, src, dst, label))
    model = SRMIL(bags[0][0].shape[1], 2)
    optimizer = torch.optim.AdamW(model.parameters(), lr=5e-4, weight_decay=1e-5)
    model.train()
    times = []
    for _ in range(epochs):
        start = time.perf_counter()
        for x, src, dst, label in bags:
            optimizer.zero_grad()
            model.training_losses(x, src, dst, label, mask_for(x.shape[0]))["total"].backward()
            optimizer.step()
        times.append(time.perf_counter() - start)
    print(min(times))


def resident_mib(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def one_step(patches, dim, threads):
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    columns = int(math.sqrt(patches / 0.9 * 1.33))
    coords = []
    i = 0
    while len(coords) < patches:
        if i % 10 != 3:
            coords.append(((i % columns) * 256, (i // columns) * 256))
        i += 1
    src, dst = radius_graph(np.array(coords), 256)
    x = torch.from_numpy(((np.arange(patches * dim, dtype=np.uint64) * 2654435761) % 1000).astype(np.float32)
                         .reshape(patches, dim) / 1000)
    model = SRMIL(dim, 2)
    model.train()
    with open("/proc/self/clear_refs", "w") as f:  # restart the peak here, as bench_mil does
        f.write("5")
    before = resident_mib("VmHWM")
    times = []
    for _ in range(3):
        model.zero_grad(set_to_none=True)
        start = time.perf_counter()
        model.training_losses(x, src, dst, 1, mask_for(patches))["total"].backward()
        times.append(time.perf_counter() - start)
    print(min(times), resident_mib("VmHWM"), before)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--fidelity", nargs=2, metavar=("IN", "OUT"))
    group.add_argument("--epoch", nargs=3, metavar=("FOLDER", "THREADS", "EPOCHS"))
    group.add_argument("--step", nargs=3, type=int, metavar=("PATCHES", "DIM", "THREADS"))
    args = parser.parse_args()
    if args.fidelity:
        fidelity(*args.fidelity)
    elif args.epoch:
        epoch(args.epoch[0], int(args.epoch[1]), int(args.epoch[2]))
    else:
        one_step(*args.step)


if __name__ == "__main__":
    main()
