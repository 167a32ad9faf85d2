#include "SlideRegistration.h"

#include "common/Error.h"

#include <QObject>
#include <array>
#include <cmath>

namespace tessera::core {

namespace {

using Matrix3 = std::array<std::array<double, 3>, 3>;

double determinant(const Matrix3& m)
{
    return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
           m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
           m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
}

// Cramer's rule for the 3 × 3 normal equations.
std::array<double, 3> solve(const Matrix3& m, const std::array<double, 3>& b, double det)
{
    std::array<double, 3> x{};
    for (int c = 0; c < 3; ++c) {
        Matrix3 replaced = m;
        for (int r = 0; r < 3; ++r)
            replaced[std::size_t(r)][std::size_t(c)] = b[std::size_t(r)];
        x[std::size_t(c)] = determinant(replaced) / det;
    }
    return x;
}

} // namespace

AffineRegistration AffineRegistration::fit(const std::vector<PointPair>& pairs)
{
    if (int(pairs.size()) < kMinimumPairs)
        throw Error(QObject::tr("A registration takes at least %1 point pairs, not %2")
                        .arg(kMinimumPairs)
                        .arg(pairs.size()));
    // Centred and scaled first: level-0 coordinates run to 10⁵, and their squares would swamp
    // the normal equations' precision.
    QPointF centre;
    for (const PointPair& p : pairs)
        centre += p.from / double(pairs.size());
    double scale = 0;
    for (const PointPair& p : pairs)
        scale = std::max({scale, std::abs(p.from.x() - centre.x()), std::abs(p.from.y() - centre.y())});
    if (!(scale > 0))
        throw Error(QObject::tr("The points of a registration must not all be the same point"));
    Matrix3 normal{};
    std::array<double, 3> bx{}, by{};
    for (const PointPair& p : pairs) {
        const std::array<double, 3> row{(p.from.x() - centre.x()) / scale, (p.from.y() - centre.y()) / scale,
                                        1.0};
        for (std::size_t r = 0; r < 3; ++r) {
            for (std::size_t c = 0; c < 3; ++c)
                normal[r][c] += row[r] * row[c];
            bx[r] += row[r] * p.to.x();
            by[r] += row[r] * p.to.y();
        }
    }
    const double det = determinant(normal);
    // det / n³ is the squared area the points span (in scaled units): near 0 they lie on a line.
    if (!(std::abs(det) / std::pow(double(pairs.size()), 3) > 1e-6))
        throw Error(QObject::tr("The points of a registration lie on one line: click them spread over the "
                                "section, not along an edge"));
    const std::array<double, 3> ax = solve(normal, bx, det), ay = solve(normal, by, det);
    // to = A·(from − centre)/scale + t, as one QTransform (row vectors: x' = m11·x + m21·y + dx).
    const QTransform normalise =
        QTransform::fromTranslate(-centre.x(), -centre.y()) * QTransform::fromScale(1.0 / scale, 1.0 / scale);
    const QTransform affine(ax[0], ay[0], ax[1], ay[1], ax[2], ay[2]);
    AffineRegistration out;
    out.transform = normalise * affine;
    // The second slide's points on one line fold the plane flat: no way back from it.
    if (!(std::abs(affine.determinant()) > 1e-9))
        throw Error(QObject::tr("The points clicked in the second slide lie on one line: click the same "
                                "structures there as in the first"));
    double squares = 0;
    for (const PointPair& p : pairs) {
        const QPointF d = out.transform.map(p.from) - p.to;
        out.residuals.push_back(std::hypot(d.x(), d.y()));
        squares += d.x() * d.x() + d.y() * d.y();
    }
    out.rmsResidual = std::sqrt(squares / double(pairs.size()));
    return out;
}

} // namespace tessera::core
