// Test inputs: synthetic slides made once per test process, and the shared real samples.
#pragma once

#include "synth/SynthSpec.h"

#include <QImage>
#include <QString>

namespace tessera::test {

// Writes (once per process, in a temporary folder) a synthetic slide for `spec` and returns
// its path; the ground truth lies beside it.
QString synthSlide(const core::SynthSpec& spec, const QString& name);
// A small slide with two tumours used by many tests (3000 × 2400, seed 7).
QString smallTumourSlide();
core::SynthSpec smallTumourSpec();

// A copy of smallTumourSlide() whose tile (column, row) of `level` has a broken JPEG header:
// the file opens, every other tile reads, that one fails to decode.
QString slideWithCorruptTile(int level, int column, int row);

// Path of a real sample from shared/testdata (empty if that folder is missing).
QString sampleSlide(const QString& fileName);

// Mean absolute difference per channel between two images of equal size (RGB, ignoring alpha).
double meanAbsDifference(const QImage& a, const QImage& b);

} // namespace tessera::test
