#include "TileRenderer.h"

#include "Hash.h"

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <numbers>

namespace tessera::core {

namespace {

constexpr int kMargin = 16;        // ≥ the largest nucleus's reach (radius × elongation)
constexpr int kSpindleMargin = 40; // ≥ the reach of the other texture's spindle nuclei (9 × 4)
constexpr double kSpindleElongation = 4.0;
constexpr int kNucleusCell = 14; // one candidate nucleus per 14×14 level-0 cell
constexpr int kFixedShift = 4;   // sub-pixel bits for OpenCV drawing
constexpr std::uint64_t kNucleusSalt = 0xA11CE;
constexpr std::uint64_t kNoiseSalt = 0x0B5E55ED;

void fillPolygon(cv::Mat& mask, const QPolygonF& polygon, QPoint origin, uchar value)
{
    std::vector<cv::Point> points;
    points.reserve(polygon.size());
    for (const QPointF& p : polygon)
        points.emplace_back(int(std::lround((p.x() - origin.x()) * (1 << kFixedShift))),
                            int(std::lround((p.y() - origin.y()) * (1 << kFixedShift))));
    const cv::Point* data = points.data();
    const int n = int(points.size());
    cv::fillPoly(mask, &data, &n, 1, cv::Scalar(value), cv::LINE_8, kFixedShift);
}

// Smooth value noise on a lattice of `spacing` level-0 pixels, in [-1, 1].
class ValueNoise {
public:
    ValueNoise(std::uint64_t seed, int spacing, QRect region) : m_spacing(spacing)
    {
        m_i0 = floorDiv(region.left(), spacing);
        m_j0 = floorDiv(region.top(), spacing);
        m_cols = floorDiv(region.right(), spacing) - m_i0 + 2;
        m_rows = floorDiv(region.bottom(), spacing) - m_j0 + 2;
        m_values.resize(std::size_t(m_cols) * m_rows);
        for (int j = 0; j < m_rows; ++j)
            for (int i = 0; i < m_cols; ++i)
                m_values[std::size_t(j) * m_cols + i] = float(
                    2 * synth::toUnit(synth::hashCell(seed, m_i0 + i, m_j0 + j, kNoiseSalt + spacing)) - 1);
    }

    float at(int x, int y) const
    {
        const int i = floorDiv(x, m_spacing);
        const int j = floorDiv(y, m_spacing);
        const float fx = smooth(float(x - i * m_spacing) / m_spacing);
        const float fy = smooth(float(y - j * m_spacing) / m_spacing);
        const float* row0 = &m_values[std::size_t(j - m_j0) * m_cols + (i - m_i0)];
        const float* row1 = row0 + m_cols;
        const float top = row0[0] + fx * (row0[1] - row0[0]);
        const float bottom = row1[0] + fx * (row1[1] - row1[0]);
        return top + fy * (bottom - top);
    }

private:
    static int floorDiv(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }
    static float smooth(float t) { return t * t * (3 - 2 * t); }

    int m_spacing;
    int m_i0 = 0, m_j0 = 0, m_cols = 0, m_rows = 0;
    std::vector<float> m_values;
};

struct NucleusStyle {
    double probability;
    double minRadius, maxRadius;
    double maxElongation;
    cv::Vec3f darkest, lightest;
};

const NucleusStyle kNormalNucleus{0.18, 3.0, 5.0, 1.8, {95, 55, 140}, {140, 95, 180}};
const NucleusStyle kTumourNucleus{0.75, 6.0, 9.0, 1.4, {45, 18, 90}, {85, 45, 130}};

} // namespace

TileRenderer::TileRenderer(const SlideScene& scene) : m_scene(scene)
{
    // Every pixel of a tile must see whatever reaches it: the nuclei whose centres lie outside
    // the tile, and, under a blur, everything within 3 sigma.
    const SynthSpec& spec = scene.spec();
    m_margin = (spec.otherTexture ? kSpindleMargin : kMargin) +
               (spec.blurSigma > 0 ? int(std::ceil(3 * spec.blurSigma)) + 1 : 0);
    for (const TissuePiece& piece : scene.pieces())
        m_pieceBounds.push_back(piece.outline.boundingRect());
}

void TileRenderer::applyShifts(cv::Mat& canvas, QPoint origin) const
{
    const SynthSpec& spec = m_scene.spec();
    if (spec.hueShift != 0 || spec.saturationScale != 1) {
        cv::Mat hsv;
        cv::cvtColor(canvas, hsv, cv::COLOR_RGB2HSV_FULL); // hue in 256 steps per turn
        const int shift = int(std::lround(spec.hueShift / 360.0 * 256));
        for (int y = 0; y < hsv.rows; ++y) {
            auto* p = hsv.ptr<cv::Vec3b>(y);
            for (int x = 0; x < hsv.cols; ++x) {
                p[x][0] = uchar((int(p[x][0]) + shift + 256) % 256);
                p[x][1] = cv::saturate_cast<uchar>(p[x][1] * spec.saturationScale);
            }
        }
        cv::cvtColor(hsv, canvas, cv::COLOR_HSV2RGB_FULL);
    }
    if (spec.penMarks) {
        // Three wavy strokes across each piece, each 3.5 % of its height wide: about a tenth of it.
        const cv::Scalar ink(28, 96, 64); // a green marker
        for (const QRectF& bounds : m_pieceBounds) {
            const double width = 0.035 * bounds.height();
            if (!bounds.adjusted(-width, -width, width, width)
                     .intersects(QRectF(origin, QSizeF(canvas.cols, canvas.rows))))
                continue;
            for (int k = 0; k < 3; ++k) {
                std::vector<cv::Point> stroke;
                const double y0 = bounds.top() + (k + 0.5) / 3.0 * bounds.height();
                for (double x = bounds.left(); x <= bounds.right(); x += 32)
                    stroke.emplace_back( // rounded in slide coordinates: the same in every tile
                        int(std::lround(x)) - origin.x(),
                        int(std::lround(y0 + 0.05 * bounds.height() *
                                                 std::sin(x / bounds.width() * 6.283 * 1.5 + k))) -
                            origin.y());
                cv::polylines(canvas, stroke, false, ink, std::max(1, int(width)), cv::LINE_8);
            }
        }
    }
    if (spec.blurSigma > 0) // the margin (≥ 3 sigma) keeps tiles seamless
        cv::GaussianBlur(canvas, canvas, cv::Size(0, 0), spec.blurSigma, spec.blurSigma,
                         cv::BORDER_REPLICATE);
}

cv::Mat TileRenderer::render(const QRect& region) const
{
    const QRect padded = region.adjusted(-m_margin, -m_margin, m_margin, m_margin);
    const QPoint origin = padded.topLeft();
    const cv::Vec3b background(cv::saturate_cast<uchar>(m_look.background[0]),
                               cv::saturate_cast<uchar>(m_look.background[1]),
                               cv::saturate_cast<uchar>(m_look.background[2]));
    cv::Mat canvas(padded.height(), padded.width(), CV_8UC3, cv::Scalar(background));

    cv::Mat tissue = cv::Mat::zeros(canvas.size(), CV_8U);
    bool any = false;
    for (std::size_t p = 0; p < m_scene.pieces().size(); ++p) {
        if (!m_pieceBounds[p].intersects(QRectF(padded)))
            continue;
        any = true;
        const TissuePiece& piece = m_scene.pieces()[p];
        fillPolygon(tissue, piece.outline, origin, 255);
        for (const QPolygonF& hole : piece.holes)
            fillPolygon(tissue, hole, origin, 0);
    }
    if (!any) {
        applyShifts(canvas, origin); // glass and pen strokes look the same in every tile
        return canvas(cv::Rect(m_margin, m_margin, region.width(), region.height())).clone();
    }

    cv::Mat tumour = cv::Mat::zeros(canvas.size(), CV_8U);
    for (const QPolygonF& t : m_scene.tumours())
        if (t.boundingRect().intersects(QRectF(padded)))
            fillPolygon(tumour, t, origin, 255);

    // Stroma: pink, modulated by two octaves of noise (eosin density and fibre texture).
    const std::uint64_t seed = m_scene.spec().seed;
    const bool other = m_scene.spec().otherTexture;
    const ValueNoise coarse(seed, other ? 160 : 48, padded);
    const ValueNoise fine(seed, other ? 40 : 12, padded);
    const cv::Vec3f shade(-22, -38, -16);
    for (int y = 0; y < canvas.rows; ++y) {
        const uchar* inTissue = tissue.ptr<uchar>(y);
        const uchar* inTumour = tumour.ptr<uchar>(y);
        auto* out = canvas.ptr<cv::Vec3b>(y);
        for (int x = 0; x < canvas.cols; ++x) {
            if (!inTissue[x])
                continue;
            const int gx = origin.x() + x, gy = origin.y() + y;
            const float v = 0.6f * coarse.at(gx, gy) + 0.4f * fine.at(gx, gy);
            const cv::Vec3f base = inTumour[x] ? m_look.tumourStroma : m_look.stroma;
            const cv::Vec3f c = base + v * shade;
            out[x] = cv::Vec3b(cv::saturate_cast<uchar>(c[0]), cv::saturate_cast<uchar>(c[1]),
                               cv::saturate_cast<uchar>(c[2]));
        }
    }

    // Nuclei: at most one per lattice cell, placed, sized and coloured by the cell's hash.
    const int i0 = padded.left() / kNucleusCell - 1, i1 = padded.right() / kNucleusCell + 1;
    const int j0 = padded.top() / kNucleusCell - 1, j1 = padded.bottom() / kNucleusCell + 1;
    for (int j = j0; j <= j1; ++j) {
        for (int i = i0; i <= i1; ++i) {
            synth::UnitStream rng(synth::hashCell(seed, i, j, kNucleusSalt));
            const double cx = (i + rng.next()) * kNucleusCell - origin.x();
            const double cy = (j + rng.next()) * kNucleusCell - origin.y();
            const int px = int(cx), py = int(cy);
            if (px < 0 || py < 0 || px >= canvas.cols || py >= canvas.rows || !tissue.at<uchar>(py, px))
                continue;
            const NucleusStyle& style = tumour.at<uchar>(py, px) ? kTumourNucleus : kNormalNucleus;
            if (rng.next() >= style.probability * (other ? 0.4 : 1.0))
                continue;
            const double radius = rng.range(style.minRadius, style.maxRadius);
            const double elongation =
                rng.range(other ? 2.5 : 1.0, other ? kSpindleElongation : style.maxElongation);
            const double angle = rng.range(0, 180);
            const double tone = rng.next();
            const cv::Vec3f colour = style.darkest + tone * (style.lightest - style.darkest);
            constexpr double kScale = 1 << kFixedShift;
            cv::ellipse(canvas, cv::Point(int(cx * kScale), int(cy * kScale)),
                        cv::Size(int(radius * elongation * kScale), int(radius / elongation * kScale)), angle,
                        0, 360, cv::Scalar(colour[0], colour[1], colour[2]), cv::FILLED, cv::LINE_AA,
                        kFixedShift);
        }
    }

    // Nuclei that spill over the tissue edge are cut back to the outline, so the mask is exact.
    canvas.setTo(cv::Scalar(background), tissue == 0);
    applyShifts(canvas, origin);
    return canvas(cv::Rect(m_margin, m_margin, region.width(), region.height())).clone();
}

} // namespace tessera::core
