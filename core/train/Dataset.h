// Labelled slides, their train/val/test splits, and their feature bags, checked up front.
#pragma once

#include "features/FeatureBag.h"
#include "model/SpatialGraph.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace tessera::core {

struct LabelTable {
    QStringList classNames; // index = class id; numeric labels keep their order, text is sorted
    QStringList slideIds;
    std::vector<int> labels; // per slide

    // `slide_id,label` or CLAM's `case_id,slide_id,label` (header required). Throws Error with
    // the file and line for malformed rows, duplicates or fewer than two classes.
    static LabelTable readCsv(const QString& path);
    static LabelTable fromCsv(const QByteArray& bytes, const QString& source); // the same on bytes
    // From slide ids and their label texts (in the same order); `source` names them in errors.
    // Throws Error for fewer than two classes.
    static LabelTable fromLabels(const QStringList& slideIds, const QStringList& labels,
                                 const QString& source);
    int labelOf(const QString& slideId) const; // -1 if absent

private:
    static LabelTable parseCsv(const QStringList& lines, const QString& path);
};

struct Split {
    QStringList train, val, test;

    // CLAM's splits_K.csv: a header `,train,val,test`, one id per cell, blanks allowed.
    static Split readClamCsv(const QString& path);
    static Split fromClamCsv(const QByteArray& bytes, const QString& source); // the same on bytes
    // Stratified K folds: fold f tests on part f, validates on part f+1, trains on the rest.
    static std::vector<Split> kFold(const LabelTable& labels, int folds, std::uint64_t seed);

private:
    static Split parseClamCsv(const QStringList& lines, const QString& path);
};

struct MilSample {
    QString slideId;
    int label = -1;
    FeatureBag bag;
    SpatialGraph graph;
    // Per patch, the class its annotations give it (-1: none; annotations/PatchLabels.h); empty
    // when the slide's annotations are not used.
    std::vector<int> patchLabels;
    // The patches annotated with the slide's own class: what the annotation loss trains the
    // attention onto.
    std::vector<std::int64_t> evidence() const;
    // The patches annotated with another class (a pathologist's "not tumour" on a tumour slide):
    // what the annotation loss trains the attention off.
    std::vector<std::int64_t> counterEvidence() const;
};

// Counts patches without spatial neighbours over the bags of a dataset, for one warning.
class IsolatedPatches {
public:
    void note(const QString& slide, const SpatialGraph& graph);
    QString summary() const; // empty when every patch has a neighbour

private:
    int m_patches = 0, m_isolated = 0, m_slides = 0;
    bool m_inferred = false;
    QString m_example;
};

class MilDataset {
public:
    // Loads `<featuresDir>/<slide_id>.h5` for every labelled slide named in the split. Every
    // problem (missing file, damaged file, NaN/Inf, empty bag, mixed dimensions, a class
    // without training slides) is collected and reported in one Error before any training.
    static MilDataset load(const QString& featuresDir, const LabelTable& labels, const Split& split);

    int featureDimension() const { return m_dimension; }
    const QStringList& classNames() const { return m_classNames; }
    const std::vector<MilSample>& samples(const QString& part) const; // "train", "val", "test"
    // Gives a training slide the patch labels its annotations make (one per patch). Error when the
    // slide is not a training slide or the count differs from its patches.
    void setPatchLabels(const QString& slideId, std::vector<int> labels);
    // What the data looked odd for but could still be trained on (patches without neighbours).
    const QStringList& warnings() const { return m_warnings; }

private:
    QStringList m_warnings;
    int m_dimension = 0;
    QStringList m_classNames;
    std::vector<MilSample> m_train, m_val, m_test;
};

} // namespace tessera::core
