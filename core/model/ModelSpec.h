// The one list of MIL models Tessera trains, and the spec of one network: which model and the
// hyper-parameters that shape it. Used by the CLI, the training dialog, the trainer and the
// network factory; torch-free.
#pragma once

#include "common/Error.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace tessera::core {

struct ModelInfo {
    QString name;                // as on the command line and in config.json: "srmil"
    QString title;               // for people: "SR-MIL"
    QString summary;             // one line, for --help and tooltips
    bool hasConsistency = false; // reconstructs patches, so has a consistency map
};

// SR-MIL first (the default), then the baselines.
const std::vector<ModelInfo>& modelCatalogue();
QStringList modelNames();
std::optional<ModelInfo> findModel(const QString& name);

// Constructed with SR-MIL's published values; the ranges and defaults of these fields are rows
// of trainSettings() (model/TrainSettings.h).
struct ModelSpec {
    ModelSpec();

    QString name;
    // SR-MIL's shape and loss weights (the baselines ignore them).
    int hidden;
    int heads;
    double maskRate;
    double wGen;
    double wCe;

    // Why this spec cannot be built, per setting (keys as in config.json: model, w_gen …); empty
    // when it can.
    std::vector<FieldProblem> problems() const;
    // Adds the spec's fields to `json` (config.json keys: model, hidden, heads, mask_rate,
    // w_gen, w_ce), and reads them back; absent keys keep their defaults.
    void writeTo(QJsonObject& json) const;
    static ModelSpec readFrom(const QJsonObject& json);
};

} // namespace tessera::core
