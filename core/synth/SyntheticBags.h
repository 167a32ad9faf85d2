// Synthetic MIL data: CLAM-layout feature bags on irregular tissue with spatially coherent,
// weak tumour signal, plus per-patch ground truth — for training tests and benchmarks.
#pragma once

#include <QString>
#include <cstdint>

namespace tessera::core {

struct SyntheticBagsSpec {
    int slides = 40;
    int dimension = 32;
    std::uint64_t seed = 1;
    double signal = 0.5; // tumour shift along a hidden direction, in noise SDs
    double positiveFraction = 0.5;
    int minPatches = 150;
    int maxPatches = 500;
    double tumourFraction = 0.15; // of a positive slide's patches (roughly)
    double fieldAmplitude = 1.0;  // strength of the smooth per-slide tissue field (a nuisance)
    // "Mimics": isolated non-tumour patches (no two share an edge) with the tumour's shift, this
    // fraction of every slide's patches; negative slides get `tumourFraction` more, so that the
    // number of shifted patches does not tell the classes apart — only whether they cluster does.
    // Their patch label stays 0 (not tumour); FeatureBag::mimicPatches lists them.
    double mimicFraction = 0.0;
};

// Writes <out>/features/slide_NNN.h5 (with `patch_labels`: 1 = tumour, and `mimic_patches`: the
// mimics' indices) and <out>/labels.csv
// (slide_id,label with labels "normal" and "tumour"). Deterministic for a seed.
void writeSyntheticBags(const SyntheticBagsSpec& spec, const QString& out);

} // namespace tessera::core
