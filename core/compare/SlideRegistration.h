// Serial sections side by side (H&E beside IHC): an affine transform from one slide's level-0
// pixels to another's, fitted by least squares to point pairs a user clicked, with the residual of
// each pair so that a bad click shows.
#pragma once

#include <QPointF>
#include <QTransform>
#include <vector>

namespace tessera::core {

struct PointPair {
    QPointF from; // level-0 pixels of the first slide
    QPointF to;   // the same structure in the second slide
};

struct AffineRegistration {
    static constexpr int kMinimumPairs = 4; // 3 fix an affine; a 4th shows its error

    QTransform transform;          // from → to
    std::vector<double> residuals; // per pair: |transform(from) − to| in the second slide's pixels
    double rmsResidual = 0;        // pixels

    // Throws Error with fewer than kMinimumPairs pairs, when the first slide's points (nearly)
    // lie on one line, which leaves the transform undetermined, or when the second slide's do,
    // which leaves it without an inverse.
    static AffineRegistration fit(const std::vector<PointPair>& pairs);
    QPointF map(QPointF from) const { return transform.map(from); }
};

} // namespace tessera::core
