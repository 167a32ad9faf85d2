// TorchScript encoders written by the tests themselves (no Python, no downloads).
#pragma once

#include <QString>

namespace tessera::test {

// forward(x [B,3,S,S]) = mean over pixels of x (per channel) @ W, W = [[1,0,0,1],[0,1,0,1],[0,0,1,1]]
// → [B, 4]: the three normalized channel means and their sum.
void writeChannelMeanEncoder(const QString& path);
// forward(x) returns x unchanged ([B,3,S,S]): a "wrong output shape" model.
void writeIdentityModel(const QString& path);
// forward(x) flattens x and applies Linear(10 → 2): fails on any image-sized input.
void writeWrongInputModel(const QString& path);

} // namespace tessera::test
