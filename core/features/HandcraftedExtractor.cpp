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
    std::array<float, 256> od{};
    cv::Matx33f inverse;
    StainModel()
    {
        for (int v = 0; v < 256; ++v)
            od[std::size_t(v)] = float(-std::log((v + 1.0) / 256.0));
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

struct Histogram {
    std::array<double, kFineBins> bins{};
    double lo, hi, count = 0, sum = 0, sumSquares = 0;
    Histogram(double low, double high) : lo(low), hi(high) {}
    void add(double v)
    {
        const int b = std::clamp(int((v - lo) / (hi - lo) * kFineBins), 0, kFineBins - 1);
        bins[std::size_t(b)] += 1;
        count += 1;
        sum += v;
        sumSquares += v * v;
    }
    double mean() const { return sum / count; }
    double sd() const { return std::sqrt(std::max(0.0, sumSquares / count - mean() * mean())); }
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
    constexpr float kPositive = 0.5f;    // haematoxylin OD above which a pixel is nucleus-like
    constexpr int kMinArea = 3;          // half-resolution pixels
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

void HandcraftedExtractor::extractOne(const cv::Mat& rgb, float* out)
{
    CV_Assert(rgb.type() == CV_8UC3 && !rgb.empty());
    FeatureWriter w(out, kDimension);
    const StainModel& model = stains();

    // One pass: stain concentrations, grey level and their histograms.
    cv::Mat haematoxylin(rgb.size(), CV_32F), grey(rgb.size(), CV_8U);
    Histogram h(0, 2.5), e(0, 2.0), residual(-1.0, 1.0), g(0, 256);
    double sumHE = 0;
    for (int y = 0; y < rgb.rows; ++y) {
        const auto* px = rgb.ptr<cv::Vec3b>(y);
        auto* hRow = haematoxylin.ptr<float>(y);
        auto* gRow = grey.ptr<uchar>(y);
        for (int x = 0; x < rgb.cols; ++x) {
            const cv::Vec3f od(model.od[px[x][0]], model.od[px[x][1]], model.od[px[x][2]]);
            const cv::Vec3f c = model.inverse.t() * od; // c = od · M⁻¹
            hRow[x] = c[0];
            h.add(c[0]);
            e.add(c[1]);
            residual.add(c[2]);
            sumHE += double(c[0]) * c[1];
            const int level = (77 * px[x][0] + 150 * px[x][1] + 29 * px[x][2]) >> 8;
            gRow[x] = uchar(level);
            g.add(level);
        }
    }
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

    // Texture and blobs at half resolution (cheaper, and less JPEG noise).
    cv::Mat grey2, haem2;
    cv::resize(grey, grey2, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
    cv::resize(haematoxylin, haem2, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
    cv::Mat dx, dy, magnitude;
    cv::Sobel(grey2, dx, CV_32F, 1, 0);
    cv::Sobel(grey2, dy, CV_32F, 0, 1);
    cv::magnitude(dx, dy, magnitude);
    cv::meanStdDev(magnitude, mean, sd);
    w.add(mean[0]);
    w.add(sd[0]);
    Histogram gradient(0, 400);
    for (int y = 0; y < magnitude.rows; ++y)
        for (const float* m = magnitude.ptr<float>(y); m != magnitude.ptr<float>(y) + magnitude.cols; ++m)
            gradient.add(*m);
    gradient.writeCoarse(w, 8);
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
