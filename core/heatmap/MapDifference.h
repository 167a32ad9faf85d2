// Where two runs' maps of one slide disagree: A − B in percentile units. Raw scores of two
// models are not on one scale (attention sums to 1 over a bag, consistency is a cosine), so each
// map is first turned into its patches' percentile ranks within the slide; the difference of
// ranks then says "A ranks this patch 40 points higher than B does", whatever the models.
#pragma once

#include "Heatmap.h"

namespace tessera::core {

// Per patch present in both (matched by level-0 coordinates): rank in A − rank in B, in [−1, 1]
// (ranks as normalizeScores(Percentile), among the shared patches). Throws Error when the
// two maps lie on different patch grids (another step), or share no patch.
PatchScores percentileDifference(const PatchScores& a, const PatchScores& b);

// The difference drawn with the diverging Coolwarm map at a fixed scale: −1 blue (B ranks the
// patch higher), 0 grey, +1 red (A ranks it higher).
HeatmapImage renderDifference(const PatchScores& difference, QSize slideSize, double smoothing = 0);

// "A − B (percentile points)", with −100 and +100 at the bar's ends.
LegendText differenceLegend(const QString& nameA, const QString& nameB);

} // namespace tessera::core
