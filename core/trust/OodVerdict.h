// Whether a slide is like the slides a run was trained on, and why: the out-of-distribution
// verdict that travels with every prediction (results file, project database, CLI, report, GUI).
#pragma once

#include <QJsonObject>
#include <QString>
#include <limits>
#include <vector>

namespace tessera::core {

// One way of comparing a slide with the training slides.
struct OodPart {
    QString key;                                               // "features", "reconstruction" or "stain"
    double value = std::numeric_limits<double>::quiet_NaN();   // the slide's raw score
    double typical = std::numeric_limits<double>::quiet_NaN(); // the reference slides' median
    double spread = std::numeric_limits<double>::quiet_NaN();  // their standard deviation
    double z = std::numeric_limits<double>::quiet_NaN();       // (value − typical) / spread
    bool available() const { return z == z; }

    // "feature distance", "reconstruction error", "stain (optical density)", translated.
    static QString nameOf(const QString& key);
    // What the raw score measures, for tooltips and the report.
    static QString meaningOf(const QString& key);
};

struct OodVerdict {
    double score = std::numeric_limits<double>::quiet_NaN(); // the largest z of the parts
    double threshold = std::numeric_limits<double>::quiet_NaN();
    bool flagged = false; // score > threshold
    QString part;         // the key of the part that gave the score
    std::vector<OodPart> parts;
    QString reference;     // what the slide was compared with: "6 training and 2 validation slides"
    QString thresholdRule; // how the threshold was set

    bool isJudged() const { return score == score; }
    const OodPart* partOf(const QString& key) const;
    // One line: "Unlike the training data: feature distance 4.2 spreads above typical (flagged
    // above 2.5)" or "Like the training data (score 0.8, flagged above 2.5)".
    QString summary() const;
    // The short badge text: "Unlike the training data" / "Like the training data".
    QString badge() const;

    QJsonObject toJson() const;
    static OodVerdict fromJson(const QJsonObject& json);
};

} // namespace tessera::core
