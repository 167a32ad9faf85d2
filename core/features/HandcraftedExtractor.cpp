#include "HandcraftedExtractor.h"

#include <opencv2/imgproc.hpp>

#include <array>
#include <cmath>
#include <stdexcept>

namespace tessera::core {

namespace {

// Appends features and checks the count at the end, so the layout cannot drift silently.
class FeatureWriter {
public:
    FeatureWriter(float* out, int capacity) : m_out(out), m_capacity(capacity) {}
    void add(double value)
    {
        if (m_count >= m_capacity)
            throw std::logic_error("HandcraftedExtractor wrote more features than its dimension");
        m_out[m_count++] = std::isfinite(value) ? float(value) : 0.0f;
    }
    void finish() const
    {
        if (m_count != m_capacity)
            throw std::logic_error("HandcraftedExtractor wrote fewer features than its dimension");
    }

private:
    float* m_out;
    int m_capacity;
    int m_count = 0;
};

// Optical density per 8-bit intensity, and the inverse of the normalized H&E(+residual)
// stain matrix of Ruifrok & Johnston (2001).
struct StainModel {
    cv::Mat odTable = cv::Mat(1, 256, CV_32F); // not braces: that would be an initializer list
    cv::Matx33f inverse;
    StainModel()
    {
        for (int v = 0; v < 256; ++v)
            odTable.at<float>(0, v) = float(-std::log((v + 1.0) / 256.0));
        cv::Matx33f m(0.650f, 0.704f, 0.286f, 0.072f, 0.990f, 0.105f, 0.268f, 0.570f, 0.776f);
        for (int r = 0; r < 3; ++r) {
            const float norm = std::sqrt(m(r, 0) * m(r, 0) + m(r, 1) * m(r, 1) + m(r, 2) * m(r, 2));
            for (int c = 0; c < 3; ++c)
                m(r, c) /= norm;
        }
        inverse = m.inv();
    }
};
const StainModel& stains()
{
    static const StainModel model;
    return model;
}

constexpr int kFineBins = 256;
constexpr int kWorkingSide = 128;

// A fine histogram of one channel (values outside [lo, hi) go to the end bins) with its
// mean and standard deviation.
struct Histogram {
    std::array<double, kFineBins> bins{};
    double lo, hi, count = 0, m = 0, s = 0;
    Histogram(const cv::Mat& values, double low, double high) : lo(low), hi(high)
    {
        cv::Mat clipped;
        if (values.depth() == CV_8U) {
            clipped = values;
        } else {
            // Map to bin indices, saturating into [0, kFineBins - 1].
            values.convertTo(clipped, CV_8U, kFineBins / (high - low), -low * kFineBins / (high - low));
        }
        for (int y = 0; y < clipped.rows; ++y)
            for (const uchar* p = clipped.ptr<uchar>(y); p != clipped.ptr<uchar>(y) + clipped.cols; ++p)
                bins[*p] += 1;
        count = double(values.total());
        cv::Scalar mean, sd;
        cv::meanStdDev(values, mean, sd);
        m = mean[0];
        s = sd[0];
    }
    double mean() const { return m; }
    double sd() const { return s; }
    double percentile(double p) const
    {
        double seen = 0;
        for (int b = 0; b < kFineBins; ++b) {
            seen += bins[std::size_t(b)];
            if (seen >= p * count)
                return lo + (b + 0.5) * (hi - lo) / kFineBins;
        }
        return hi;
    }
    void writeSummary(FeatureWriter& w) const
    {
        w.add(mean());
        w.add(sd());
        w.add(percentile(0.1));
        w.add(percentile(0.5));
        w.add(percentile(0.9));
    }
    void writeCoarse(FeatureWriter& w, int coarse) const
    {
        const int group = kFineBins / coarse;
        for (int c = 0; c < coarse; ++c) {
            double total = 0;
            for (int b = 0; b < group; ++b)
                total += bins[std::size_t(c * group + b)];
            w.add(total / count);
        }
    }
};

void writeCooccurrence(const cv::Mat& levels16, int distance, FeatureWriter& w)
{
    std::array<double, 256> p{};
    double total = 0;
    auto count = [&](int a, int b) {
        p[std::size_t(a * 16 + b)] += 1;
        p[std::size_t(b * 16 + a)] += 1;
        total += 2;
    };
    for (int y = 0; y < levels16.rows; ++y) {
        const uchar* row = levels16.ptr<uchar>(y);
        const uchar* below = y + distance < levels16.rows ? levels16.ptr<uchar>(y + distance) : nullptr;
        for (int x = 0; x < levels16.cols; ++x) {
            if (x + distance < levels16.cols)
                count(row[x], row[x + distance]);
            if (below)
                count(row[x], below[x]);
        }
    }
    double mean = 0;
    for (int i = 0; i < 16; ++i)
        for (int j = 0; j < 16; ++j)
            mean += i * p[std::size_t(i * 16 + j)] / total;
    double variance = 0, contrast = 0, energy = 0, homogeneity = 0, correlation = 0;
    for (int i = 0; i < 16; ++i)
        for (int j = 0; j < 16; ++j) {
            const double q = p[std::size_t(i * 16 + j)] / total;
            variance += (i - mean) * (i - mean) * q;
            contrast += (i - j) * (i - j) * q;
            energy += q * q;
            homogeneity += q / (1.0 + std::abs(i - j));
            correlation += (i - mean) * (j - mean) * q;
        }
    w.add(contrast);
    w.add(energy);
    w.add(homogeneity);
    w.add(variance > 1e-12 ? correlation / variance : 1.0);
}

void writeUniformLbp(const cv::Mat& grey, FeatureWriter& w)
{
    std::array<double, 10> hist{};
    double total = 0;
    static const int dx[8] = {-1, 0, 1, 1, 1, 0, -1, -1};
    static const int dy[8] = {-1, -1, -1, 0, 1, 1, 1, 0};
    for (int y = 1; y + 1 < grey.rows; ++y)
        for (int x = 1; x + 1 < grey.cols; ++x) {
            const uchar centre = grey.at<uchar>(y, x);
            int bits[8];
            int ones = 0;
            for (int k = 0; k < 8; ++k) {
                bits[k] = grey.at<uchar>(y + dy[k], x + dx[k]) >= centre;
                ones += bits[k];
            }
            int transitions = 0;
            for (int k = 0; k < 8; ++k)
                transitions += bits[k] != bits[(k + 1) % 8];
            hist[std::size_t(transitions <= 2 ? ones : 9)] += 1;
            total += 1;
        }
    for (double h : hist)
        w.add(total > 0 ? h / total : 0);
}

void writeBlobs(const cv::Mat& haematoxylin, FeatureWriter& w)
{
    constexpr float kPositive = 0.5f; // haematoxylin OD above which a pixel is nucleus-like
    constexpr int kMinArea = 3;       // half-resolution pixels
    constexpr int kLargeArea = 25;
    const cv::Mat positive = haematoxylin > kPositive;
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(positive, labels, stats, centroids, 8, CV_32S);
    double count = 0, sum = 0, sumSquares = 0, large = 0;
    for (int i = 1; i < n; ++i) {
        const int area = stats.at<int>(i, cv::CC_STAT_AREA);
        if (area < kMinArea)
            continue;
        count += 1;
        sum += area;
        sumSquares += double(area) * area;
        large += area >= kLargeArea;
    }
    const double pixels = double(haematoxylin.total());
    const double mean = count > 0 ? sum / count : 0;
    w.add(count / pixels * 1000.0);
    w.add(mean);
    w.add(count > 0 ? std::sqrt(std::max(0.0, sumSquares / count - mean * mean)) : 0);
    w.add(count > 0 ? large / count : 0);
    w.add(double(cv::countNonZero(positive)) / pixels);
    w.add(cv::countNonZero(positive) > 0 ? cv::mean(haematoxylin, positive)[0] : 0);
}

} // namespace

void HandcraftedExtractor::extract(const std::vector<cv::Mat>& patches, float* out)
{
    for (std::size_t i = 0; i < patches.size(); ++i)
        extractOne(patches[i], out + i * kDimension);
}

void HandcraftedExtractor::extractOne(const cv::Mat& patch, float* out)
{
    CV_Assert(patch.type() == CV_8UC3 && !patch.empty());
    // Everything is measured on a copy of at most ~128 px a side: the statistics barely
    // change, the cost drops 4× (this is what keeps extraction near the decode limit).
    cv::Mat rgb = patch;
    if (patch.cols > kWorkingSide * 5 / 4)
        cv::resize(patch, rgb, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
    FeatureWriter w(out, kDimension);
    const StainModel& model = stains();

    // Stain concentrations for all pixels with vectorized OpenCV calls: OD by lookup table,
    // then c = M⁻ᵀ · od per pixel.
    cv::Mat od, concentrations;
    cv::LUT(rgb, model.odTable, od);
    cv::transform(od, concentrations, model.inverse.t());
    cv::Mat stain[3];
    cv::split(concentrations, stain);
    const cv::Mat& haematoxylin = stain[0];
    cv::Mat grey;
    cv::cvtColor(rgb, grey, cv::COLOR_RGB2GRAY);
    Histogram h(haematoxylin, 0, 2.5), e(stain[1], 0, 2.0), residual(stain[2], -1.0, 1.0), g(grey, 0, 256);
    const double sumHE = cv::sum(haematoxylin.mul(stain[1]))[0];
    h.writeSummary(w);
    e.writeSummary(w);
    h.writeCoarse(w, 16);
    e.writeCoarse(w, 16);
    w.add(g.mean());
    w.add(g.sd());
    w.add(g.percentile(0.1));
    w.add(g.percentile(0.5));
    w.add(g.percentile(0.9));
    g.writeCoarse(w, 16);
    w.add(residual.mean());
    w.add(residual.sd());
    const double covariance = sumHE / h.count - h.mean() * e.mean();
    w.add(h.sd() * e.sd() > 1e-9 ? covariance / (h.sd() * e.sd()) : 0);

    cv::Scalar mean, sd;
    cv::meanStdDev(rgb, mean, sd);
    for (int c = 0; c < 3; ++c) {
        w.add(mean[c]);
        w.add(sd[c]);
    }
    cv::Mat hsv;
    cv::cvtColor(rgb, hsv, cv::COLOR_RGB2HSV);
    cv::Mat channels[3];
    cv::split(hsv, channels);
    for (int c : {1, 2}) {
        cv::meanStdDev(channels[c], mean, sd);
        w.add(mean[0]);
        w.add(sd[0]);
    }
    w.add(double(cv::countNonZero((grey > 220) & (channels[1] < 25))) / double(grey.total()));

    // Where the haematoxylin sits inside the patch (4 × 4 means).
    cv::Mat layout;
    cv::resize(haematoxylin, layout, cv::Size(4, 4), 0, 0, cv::INTER_AREA);
    for (int i = 0; i < 16; ++i)
        w.add(layout.at<float>(i / 4, i % 4));

    const cv::Mat& grey2 = grey;
    const cv::Mat& haem2 = haematoxylin;
    cv::Mat dx, dy, magnitude;
    cv::Sobel(grey2, dx, CV_32F, 1, 0);
    cv::Sobel(grey2, dy, CV_32F, 0, 1);
    cv::magnitude(dx, dy, magnitude);
    cv::meanStdDev(magnitude, mean, sd);
    w.add(mean[0]);
    w.add(sd[0]);
    Histogram(magnitude, 0, 400).writeCoarse(w, 8);
    cv::Mat laplacian;
    cv::Laplacian(grey2, laplacian, CV_32F);
    cv::meanStdDev(laplacian, mean, sd);
    w.add(sd[0] * sd[0] / 1000.0);

    cv::Mat levels16;
    grey2.convertTo(levels16, CV_8U, 1.0 / 16.0);
    cv::min(levels16, 15, levels16);
    writeCooccurrence(levels16, 1, w);
    writeCooccurrence(levels16, 3, w);
    writeUniformLbp(grey2, w);
    writeBlobs(haem2, w);
    w.finish();
}

} // namespace tessera::core
