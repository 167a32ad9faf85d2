// Every training setting described once: the table of them (key, command-line flag, config.json
// key, type, range, unit, default per model, label and help), and the TrainConfig they fill. The
// CLI's options, config.json, the training plan's arguments and the training dialog's form are
// all made from trainSettings(); adding a setting is one row here plus its use in the trainer.
#pragma once

#include "model/ModelSpec.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>
#include <variant>
#include <vector>

namespace tessera::core {

// The values TrainConfig::precision accepts.
inline const QStringList kPrecisions{QStringLiteral("auto"), QStringLiteral("fp32"), QStringLiteral("bf16")};

// One training: the model's spec and the schedule, data and compute settings. Constructed with
// SR-MIL's published defaults (wwyi1828/SRMIL); defaultsFor() gives each model its own. What
// each field means, its range and its default are in trainSettings().
struct TrainConfig {
    TrainConfig();

    ModelSpec model;
    int epochs;
    double learningRate;
    double weightDecay;
    int warmupEpochs;
    double gradientClip;
    bool classWeights;
    bool annotations;      // an instance loss on the patches the project's annotations label
    double instanceWeight; // its weight
    bool wGenAuto;         // SR-MIL: train every candidate w_gen, keep the best on validation
    int patience;
    double selectAfter;
    std::uint64_t seed;
    int slidesPerStep;
    QString device;
    int threads;
    QString precision;
    QString initFrom;

    // What is wrong with the values, per setting (keys as in config.json: epochs, lr, w_gen …),
    // in words a dialog can show next to the field; empty when all is well.
    std::vector<FieldProblem> problems() const;
    // config.json's settings (machine-bound ones — device, threads — are not part of a run).
    QJsonObject toJson() const;
    static TrainConfig fromJson(const QJsonObject& json); // absent keys keep their defaults
    static TrainConfig defaultsFor(const QString& model); // a name of modelCatalogue()
};

// Where a setting lives: a member of TrainConfig or of its ModelSpec. Its C++ type gives the
// setting's type: int and uint64 integers, double numbers, bool on/off, QString a choice (when
// the row lists choices) or free text.
using SettingField =
    std::variant<int TrainConfig::*, double TrainConfig::*, bool TrainConfig::*, std::uint64_t TrainConfig::*,
                 QString TrainConfig::*, int ModelSpec::*, double ModelSpec::*, QString ModelSpec::*>;

// The value that hands a setting to its autoSwitch: `--w-gen auto`.
inline const QString kAutoValue = QStringLiteral("auto");

// The w_gen values `--w-gen auto` trains, the paper's first (it wins ties).
inline const std::vector<double> kWGenCandidates{1.8, 1.0};

enum class SettingType { Integer, Number, Switch, Choice, Text };

// Where the training dialog shows a setting.
enum class SettingSection { Model, Schedule, Compute };

struct TrainSetting {
    QString key;  // config.json's key, and FieldProblem's: "w_gen"
    QString flag; // tessera-cli train's option, without dashes: "w-gen"
    SettingField field;
    // Inclusive bounds unless the matching *Open is set; infinite where unbounded.
    double minimum = -std::numeric_limits<double>::infinity();
    double maximum = std::numeric_limits<double>::infinity();
    bool minimumOpen = false;
    bool maximumOpen = false;
    QStringList choices;                                // a Choice's values
    QString unit;                                       // "epochs", "fraction"; empty when none
    QVariant byDefault;                                 // the default…
    std::vector<std::pair<QString, QVariant>> perModel; // …and where a model's differs
    QStringList models;                                 // the models it applies to; empty: all
    QString usedWhen;                                   // an on/off row's key: used only while it is on
    QString autoSwitch; // an on/off row's key: the value "auto" turns it on; unused while it is on
    QString label;      // the dialog's: "Reconstruction weight"
    QString what;       // in problems: "the reconstruction weight"
    QString help;       // one sentence: --help and the dialog's tooltip
    QString valueName;  // --help's placeholder: "w"
    SettingSection section = SettingSection::Schedule;
    bool inConfigJson = true;      // false: bound to the machine (device, threads)
    bool omittedAtDefault = false; // config.json leaves it out at its default (older runs lack it)
    bool jsonText = false;         // written as a string (a 64-bit seed stays exact)
    int decimals = 0;              // the dialog's spin box
    double step = 1;
};

const std::vector<TrainSetting>& trainSettings();
const TrainSetting* findTrainSetting(const QString& key);

SettingType settingType(const TrainSetting& setting);
QString settingTypeName(const TrainSetting& setting);  // "integer", "number", "on|off", "choice", "text"
QString settingRangeText(const TrainSetting& setting); // "[0, 2]", "≥ 1", "(0, 1)", "auto, fp32, bf16"
bool settingAppliesTo(const TrainSetting& setting, const QString& model);
QVariant settingDefault(const TrainSetting& setting, const QString& model);

// The setting's value in `config`: int, double, bool, qulonglong or QString.
QVariant settingValue(const TrainSetting& setting, const TrainConfig& config);
void setSettingValue(const TrainSetting& setting, TrainConfig& config, const QVariant& value);

// Text as on a command line: numbers in their shortest exact form (0.1, 5e-04 → "0.0005",
// 0.30000000000000004), switches on|off. parseSettingText reads it back; nullopt with `error`
// set ("expects a number (got 'x')") when it cannot.
QString settingText(const TrainSetting& setting, const QVariant& value);
std::optional<QVariant> parseSettingText(const TrainSetting& setting, const QString& text, QString* error);

// The shortest text that reads back as the same double: plain decimals where they stay short
// (0.0005, not 5e-04), exponents for the very small and the very large (1e-07).
QString shortestNumber(double value);

// The value's problem, if it is out of range or not a choice.
std::optional<FieldProblem> settingProblem(const TrainSetting& setting, const QVariant& value);

} // namespace tessera::core
