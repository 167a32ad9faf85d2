#include "TrainSettings.h"

#include <QCoreApplication>
#include <QLocale>
#include <cmath>
#include <type_traits>

namespace tessera::core {

namespace {

constexpr double kUnbounded = std::numeric_limits<double>::infinity();

// Labels and help are translated where they are shown (context "TrainSetting").
QString shown(const char* text)
{
    return QString::fromUtf8(text);
}

QString modelHelp()
{
    QStringList models;
    for (const ModelInfo& m : modelCatalogue())
        models << QStringLiteral("%1 (%2)").arg(m.name, m.title);
    return QStringLiteral(
               "The MIL model: %1; SR-MIL is spatially regularized, the others are the baselines to "
               "compare with.")
        .arg(models.join(QStringLiteral(", ")));
}

// The table. Keys and flags are part of config.json and the command line: never rename one.
std::vector<TrainSetting> makeTable()
{
    const QString srmil = QStringLiteral("srmil");
    const auto baselines = [](QVariant value) {
        return std::vector<std::pair<QString, QVariant>>{{QStringLiteral("abmil"), value},
                                                         {QStringLiteral("transmil"), value}};
    };
    std::vector<TrainSetting> t;
    const auto row = [&](TrainSetting s) { t.push_back(std::move(s)); };

    TrainSetting s;
    s = {};
    s.key = QStringLiteral("model"), s.flag = QStringLiteral("model"), s.field = &ModelSpec::name;
    s.choices = modelNames(), s.byDefault = srmil,
    s.label = shown(QT_TRANSLATE_NOOP("TrainSetting", "Model"));
    s.what = QStringLiteral("model"), s.help = modelHelp(), s.valueName = QStringLiteral("name");
    s.section = SettingSection::Model;
    row(s);

    s = {};
    s.key = QStringLiteral("epochs"), s.flag = QStringLiteral("epochs"), s.field = &TrainConfig::epochs;
    s.minimum = 1, s.unit = QStringLiteral("epochs"), s.byDefault = 100, s.perModel = baselines(50);
    s.label = shown(QT_TRANSLATE_NOOP("TrainSetting", "Epochs")),
    s.what = QStringLiteral("the number of epochs");
    s.help = shown(QT_TRANSLATE_NOOP(
        "TrainSetting", "Passes over the training slides; SR-MIL stays near chance for its first ~15."));
    s.valueName = QStringLiteral("n");
    row(s);

    s = {};
    s.key = QStringLiteral("lr"), s.flag = QStringLiteral("lr"), s.field = &TrainConfig::learningRate;
    s.minimum = 0, s.minimumOpen = true, s.maximum = 1, s.byDefault = 5e-4, s.perModel = baselines(2e-4);
    s.label = shown(QT_TRANSLATE_NOOP("TrainSetting", "Learning rate")),
    s.what = QStringLiteral("the learning rate");
    s.help = shown(QT_TRANSLATE_NOOP(
        "TrainSetting", "Peak AdamW learning rate of the cosine schedule (paper: 5e-4; CLAM's 2e-4 for the "
                        "baselines)."));
    s.valueName = QStringLiteral("x"), s.decimals = 7, s.step = 1e-4;
    row(s);

    s = {};
    s.key = QStringLiteral("weight_decay"), s.flag = QStringLiteral("weight-decay");
    s.field = &TrainConfig::weightDecay, s.minimum = 0, s.maximum = 1, s.byDefault = 1e-5;
    s.label = shown(QT_TRANSLATE_NOOP("TrainSetting", "Weight decay")),
    s.what = QStringLiteral("the weight decay");
    s.help = shown(QT_TRANSLATE_NOOP("TrainSetting", "AdamW weight decay (paper: 1e-5)."));
    s.valueName = QStringLiteral("x"), s.decimals = 7, s.step = 1e-5;
    row(s);

    s = {};
    s.key = QStringLiteral("warmup_epochs"), s.flag = QStringLiteral("warmup");
    s.field = &TrainConfig::warmupEpochs, s.minimum = 0, s.unit = QStringLiteral("epochs"), s.byDefault = 0;
    s.label = shown(QT_TRANSLATE_NOOP("TrainSetting", "Warm-up epochs")),
    s.what = QStringLiteral("the warm-up epochs");
    s.help = shown(QT_TRANSLATE_NOOP("TrainSetting", "Epochs of linear warm-up before the cosine."));
    s.valueName = QStringLiteral("n");
    row(s);

    s = {};
    s.key = QStringLiteral("grad_clip"), s.flag = QStringLiteral("grad-clip");
    s.field = &TrainConfig::gradientClip, s.minimum = 0, s.byDefault = 0.0, s.perModel = baselines(5.0);
    s.label = shown(QT_TRANSLATE_NOOP("TrainSetting", "Gradient clipping")),
    s.what = QStringLiteral("the gradient clipping norm");
    s.help = shown(QT_TRANSLATE_NOOP("TrainSetting", "Clip the gradients' norm to this (0 = none)."));
    s.valueName = QStringLiteral("x"), s.decimals = 2, s.step = 0.5;
    row(s);

    s = {};
    s.key = QStringLiteral("class_weights"), s.flag = QStringLiteral("class-weights");
    s.field = &TrainConfig::classWeights, s.byDefault = false;
    s.label = shown(QT_TRANSLATE_NOOP("TrainSetting", "Class weights")),
    s.what = QStringLiteral("class weights");
    s.help = shown(QT_TRANSLATE_NOOP("TrainSetting", "Weigh each slide by its class's inverse frequency."));
    s.valueName = QStringLiteral("on|off");
    row(s);

    s = {};
    s.key = QStringLiteral("annotations"), s.flag = QStringLiteral("annotations");
    s.field = &TrainConfig::annotations, s.byDefault = false, s.omittedAtDefault = true;
    s.label = shown(QT_TRANSLATE_NOOP("TrainSetting", "Learn from annotations")),
    s.what = QStringLiteral("learning from annotations");
    s.help = shown(QT_TRANSLATE_NOOP(
        "TrainSetting", "Also train each training slide's attention onto the patches its annotations give "
                        "the slide's class (needs a project; docs/TRAINING.md)."));
    s.valueName = QStringLiteral("on|off");
    row(s);

    s = {};
    s.key = QStringLiteral("w_inst"), s.flag = QStringLiteral("w-inst"),
    s.field = &TrainConfig::instanceWeight;
    s.minimum = 0, s.maximum = 10, s.byDefault = 1.0, s.omittedAtDefault = true;
    s.usedWhen = QStringLiteral("annotations");
    s.label = shown(QT_TRANSLATE_NOOP("TrainSetting", "Annotation weight")),
    s.what = QStringLiteral("the annotation weight");
    s.help = shown(QT_TRANSLATE_NOOP(
        "TrainSetting", "Weight of the annotation loss beside the slide loss (with --annotations)."));
    s.valueName = QStringLiteral("w"), s.decimals = 2, s.step = 0.1;
    row(s);

    s = {};
    s.key = QStringLiteral("patience"), s.flag = QStringLiteral("patience"), s.field = &TrainConfig::patience;
    s.minimum = 0, s.unit = QStringLiteral("epochs"), s.byDefault = 0;
    s.label = shown(QT_TRANSLATE_NOOP("TrainSetting", "Early stopping")),
    s.what = QStringLiteral("the patience");
    s.help = shown(QT_TRANSLATE_NOOP(
        "TrainSetting", "Stop after this many epochs without a better validation score (0 = never)."));
    s.valueName = QStringLiteral("n");
    row(s);

    s = {};
    s.key = QStringLiteral("select_after"), s.flag = QStringLiteral("select-after");
    s.field = &TrainConfig::selectAfter, s.minimum = 0, s.maximum = 1, s.maximumOpen = true;
    s.unit = QStringLiteral("fraction"), s.byDefault = 0.6, s.perModel = baselines(0.0);
    s.label = shown(QT_TRANSLATE_NOOP("TrainSetting", "Select after")),
    s.what = QStringLiteral("the selection start");
    s.help = shown(QT_TRANSLATE_NOOP(
        "TrainSetting", "Choose the best epoch among those whose 0-based index is above this fraction of the "
                        "epochs (paper: 0.6)."));
    s.valueName = QStringLiteral("f"), s.decimals = 2, s.step = 0.05;
    row(s);

    s = {};
    s.key = QStringLiteral("w_gen"), s.flag = QStringLiteral("w-gen"), s.field = &ModelSpec::wGen;
    s.minimum = 0, s.maximum = 2, s.byDefault = 1.8, s.models = {srmil};
    s.label = shown(QT_TRANSLATE_NOOP("TrainSetting", "Reconstruction weight")),
    s.what = QStringLiteral("the reconstruction weight");
    s.help = shown(QT_TRANSLATE_NOOP(
        "TrainSetting", "SR-MIL's w_gen: weight of the label-independent reconstruction (paper: 1.8); auto "
                        "trains 1.8 and 1.0 and keeps the better on validation."));
    s.valueName = QStringLiteral("w|auto"), s.decimals = 2, s.step = 0.1;
    s.autoSwitch = QStringLiteral("w_gen_auto");
    row(s);

    s = {};
    s.key = QStringLiteral("w_gen_auto"), s.flag = QStringLiteral("w-gen-auto"),
    s.field = &TrainConfig::wGenAuto;
    s.byDefault = false, s.omittedAtDefault = true, s.models = {srmil};
    s.label = shown(QT_TRANSLATE_NOOP("TrainSetting", "Choose on validation (1.8 / 1.0)")),
    s.what = QStringLiteral("choosing w_gen on validation");
    s.help = shown(QT_TRANSLATE_NOOP(
        "TrainSetting", "SR-MIL: train once per reconstruction weight (1.8, 1.0) and keep the run with the "
                        "better validation score, reporting both (the same as --w-gen auto)."));
    s.valueName = QStringLiteral("on|off");
    row(s);

    s = {};
    s.key = QStringLiteral("w_ce"), s.flag = QStringLiteral("w-ce"), s.field = &ModelSpec::wCe;
    s.minimum = 0, s.maximum = 2, s.byDefault = 1.0, s.models = {srmil};
    s.label = shown(QT_TRANSLATE_NOOP("TrainSetting", "Full-graph CE weight"));
    s.what = QStringLiteral("the full-graph classification weight");
    s.help = shown(QT_TRANSLATE_NOOP(
        "TrainSetting", "SR-MIL's w_ce: classification of the full graph against the masked one."));
    s.valueName = QStringLiteral("w"), s.decimals = 2, s.step = 0.1;
    row(s);

    s = {};
    s.key = QStringLiteral("mask_rate"), s.flag = QStringLiteral("mask-rate"), s.field = &ModelSpec::maskRate;
    s.minimum = 0, s.maximum = 1, s.minimumOpen = s.maximumOpen = true, s.unit = QStringLiteral("fraction");
    s.byDefault = 0.7, s.models = {srmil};
    s.label = shown(QT_TRANSLATE_NOOP("TrainSetting", "Mask rate")), s.what = QStringLiteral("the mask rate");
    s.help = shown(QT_TRANSLATE_NOOP(
        "TrainSetting", "SR-MIL: the share of patches masked and reconstructed from their neighbours "
                        "(paper: 0.7)."));
    s.valueName = QStringLiteral("f"), s.decimals = 2, s.step = 0.05;
    row(s);

    s = {};
    s.key = QStringLiteral("hidden"), s.flag = QStringLiteral("hidden"), s.field = &ModelSpec::hidden;
    s.minimum = 1, s.byDefault = 64, s.models = {srmil};
    s.label = shown(QT_TRANSLATE_NOOP("TrainSetting", "Hidden size")),
    s.what = QStringLiteral("the hidden size");
    s.help = shown(QT_TRANSLATE_NOOP("TrainSetting", "SR-MIL: the width of the graph encoder (paper: 64)."));
    s.valueName = QStringLiteral("n");
    row(s);

    s = {};
    s.key = QStringLiteral("heads"), s.flag = QStringLiteral("heads"), s.field = &ModelSpec::heads;
    s.minimum = 1, s.byDefault = 4, s.models = {srmil};
    s.label = shown(QT_TRANSLATE_NOOP("TrainSetting", "Attention heads")),
    s.what = QStringLiteral("the number of heads");
    s.help = shown(
        QT_TRANSLATE_NOOP("TrainSetting", "SR-MIL: the attention heads of each graph layer (paper: 4)."));
    s.valueName = QStringLiteral("n");
    row(s);

    s = {};
    s.key = QStringLiteral("seed"), s.flag = QStringLiteral("seed"), s.field = &TrainConfig::seed;
    s.minimum = 0, s.maximum = double(std::numeric_limits<std::uint64_t>::max()), s.byDefault = qulonglong(1);
    s.label = shown(QT_TRANSLATE_NOOP("TrainSetting", "Seed")), s.what = QStringLiteral("the seed");
    s.help = shown(QT_TRANSLATE_NOOP("TrainSetting", "Random seed: the same seed gives the same run."));
    s.valueName = QStringLiteral("n"), s.jsonText = true;
    row(s);

    s = {};
    s.key = QStringLiteral("slides_per_step"), s.flag = QStringLiteral("slides-per-step");
    s.field = &TrainConfig::slidesPerStep, s.minimum = 1, s.unit = QStringLiteral("slides"), s.byDefault = 1;
    s.label = shown(QT_TRANSLATE_NOOP("TrainSetting", "Slides per step")),
    s.what = QStringLiteral("the slides per step");
    s.help = shown(QT_TRANSLATE_NOOP(
        "TrainSetting", "Slides whose gradients are averaged into one optimizer step (1 = as published); "
                        "keep it to resume with another number of processes."));
    s.valueName = QStringLiteral("n"), s.section = SettingSection::Compute, s.omittedAtDefault = true;
    row(s);

    s = {};
    s.key = QStringLiteral("precision"), s.flag = QStringLiteral("precision");
    s.field = &TrainConfig::precision, s.choices = kPrecisions, s.byDefault = QStringLiteral("auto");
    s.label = shown(QT_TRANSLATE_NOOP("TrainSetting", "Precision")), s.what = QStringLiteral("precision");
    s.help = shown(QT_TRANSLATE_NOOP(
        "TrainSetting", "auto: bf16 mixed precision on CUDA, fp32 on the CPU; or fp32, or bf16 (products in "
                        "bfloat16, softmax, norms, losses and weights in float32)."));
    s.valueName = QStringLiteral("p"), s.section = SettingSection::Compute;
    row(s);

    s = {};
    s.key = QStringLiteral("device"), s.flag = QStringLiteral("device"), s.field = &TrainConfig::device;
    s.byDefault = QStringLiteral("auto"), s.label = shown(QT_TRANSLATE_NOOP("TrainSetting", "Device")),
    s.what = QStringLiteral("device");
    s.help = shown(QT_TRANSLATE_NOOP(
        "TrainSetting",
        "Where LibTorch computes: auto (the first CUDA device if there is one, else the CPU), "
        "cpu, cuda or cuda:N."));
    s.valueName = QStringLiteral("device"), s.section = SettingSection::Compute, s.inConfigJson = false;
    row(s);

    s = {};
    s.key = QStringLiteral("threads"), s.flag = QStringLiteral("threads"), s.field = &TrainConfig::threads;
    s.minimum = 0, s.unit = QStringLiteral("threads"), s.byDefault = 0;
    s.label = shown(QT_TRANSLATE_NOOP("TrainSetting", "CPU threads")),
    s.what = QStringLiteral("the thread count");
    s.help = shown(QT_TRANSLATE_NOOP("TrainSetting", "LibTorch's CPU threads (0 = all cores)."));
    s.valueName = QStringLiteral("n"), s.section = SettingSection::Compute, s.inConfigJson = false;
    row(s);

    s = {};
    s.key = QStringLiteral("init_from"), s.flag = QStringLiteral("init-from"),
    s.field = &TrainConfig::initFrom;
    s.byDefault = QString(), s.label = shown(QT_TRANSLATE_NOOP("TrainSetting", "Fine-tune from")),
    s.what = QStringLiteral("the parent run");
    s.help = shown(QT_TRANSLATE_NOOP(
        "TrainSetting",
        "Fine-tune: start from this run's best weights (a run folder, or with --project a run "
        "name); same model, feature dimension and classes."));
    s.valueName = QStringLiteral("run"), s.section = SettingSection::Model, s.omittedAtDefault = true;
    row(s);
    return t;
}

template <typename Member> struct MemberOf;
template <typename Value, typename Owner> struct MemberOf<Value Owner::*> {
    using ValueType = Value;
    using OwnerType = Owner;
};

template <typename Owner, typename Config> auto& ownerIn(Config& config)
{
    if constexpr (std::is_same_v<Owner, ModelSpec>)
        return config.model;
    else
        return config;
}

QString number(double value)
{
    return shortestNumber(value);
}

} // namespace

QString shortestNumber(double value)
{
    const double magnitude = std::abs(value);
    const bool plain = magnitude == 0 || (magnitude >= 1e-5 && magnitude < 1e16);
    return QString::number(value, plain ? 'f' : 'e', QLocale::FloatingPointShortest);
}

namespace {

bool isModelSpecField(const TrainSetting& setting)
{
    return std::visit(
        [](auto member) { return std::is_same_v<typename MemberOf<decltype(member)>::OwnerType, ModelSpec>; },
        setting.field);
}

// Applies the defaults of the rows whose field lives in `Owner` to `target`.
template <typename Owner> void applyDefaults(Owner& target, const QString& model)
{
    for (const TrainSetting& s : trainSettings())
        std::visit(
            [&](auto member) {
                using M = MemberOf<decltype(member)>;
                if constexpr (std::is_same_v<typename M::OwnerType, Owner>)
                    target.*member = settingDefault(s, model).template value<typename M::ValueType>();
            },
            s.field);
}

} // namespace

const std::vector<TrainSetting>& trainSettings()
{
    static const std::vector<TrainSetting> table = makeTable();
    return table;
}

const TrainSetting* findTrainSetting(const QString& key)
{
    for (const TrainSetting& s : trainSettings())
        if (s.key == key)
            return &s;
    return nullptr;
}

SettingType settingType(const TrainSetting& setting)
{
    return std::visit(
        [&](auto member) {
            using Value = typename MemberOf<decltype(member)>::ValueType;
            if constexpr (std::is_same_v<Value, bool>)
                return SettingType::Switch;
            else if constexpr (std::is_same_v<Value, double>)
                return SettingType::Number;
            else if constexpr (std::is_same_v<Value, QString>)
                return setting.choices.isEmpty() ? SettingType::Text : SettingType::Choice;
            else
                return SettingType::Integer;
        },
        setting.field);
}

QString settingTypeName(const TrainSetting& setting)
{
    switch (settingType(setting)) {
    case SettingType::Integer:
        return QStringLiteral("integer");
    case SettingType::Number:
        return QStringLiteral("number");
    case SettingType::Switch:
        return QStringLiteral("on|off");
    case SettingType::Choice:
        return QStringLiteral("choice");
    case SettingType::Text:
        break;
    }
    return QStringLiteral("text");
}

QString settingRangeText(const TrainSetting& s)
{
    const SettingType type = settingType(s);
    if (type == SettingType::Choice)
        return s.choices.join(QStringLiteral(", "));
    if (type != SettingType::Integer && type != SettingType::Number)
        return {};
    const bool low = std::isfinite(s.minimum),
               high = std::isfinite(s.maximum) && s.key != QLatin1String("seed");
    const QString orAuto = s.autoSwitch.isEmpty() ? QString() : QStringLiteral(" or ") + kAutoValue;
    if (low && high)
        return (s.minimumOpen ? QStringLiteral("(") : QStringLiteral("[")) + number(s.minimum) +
               QStringLiteral(", ") + number(s.maximum) +
               (s.maximumOpen ? QStringLiteral(")") : QStringLiteral("]")) + orAuto;
    if (low)
        return (s.minimumOpen ? QStringLiteral("> ") : QStringLiteral("≥ ")) + number(s.minimum) + orAuto;
    return orAuto.isEmpty() ? QString() : kAutoValue;
}

bool settingAppliesTo(const TrainSetting& setting, const QString& model)
{
    return setting.models.isEmpty() || setting.models.contains(model);
}

QVariant settingDefault(const TrainSetting& setting, const QString& model)
{
    for (const auto& [name, value] : setting.perModel)
        if (name == model)
            return value;
    return setting.byDefault;
}

QVariant settingValue(const TrainSetting& setting, const TrainConfig& config)
{
    return std::visit(
        [&](auto member) -> QVariant {
            using M = MemberOf<decltype(member)>;
            const auto& value = ownerIn<typename M::OwnerType>(config).*member;
            if constexpr (std::is_same_v<typename M::ValueType, std::uint64_t>)
                return QVariant::fromValue(qulonglong(value));
            else
                return QVariant::fromValue(value);
        },
        setting.field);
}

void setSettingValue(const TrainSetting& setting, TrainConfig& config, const QVariant& value)
{
    if (!setting.autoSwitch.isEmpty() && value.typeId() == QMetaType::QString &&
        value.toString() == kAutoValue) {
        setSettingValue(*findTrainSetting(setting.autoSwitch), config, true);
        return;
    }
    std::visit(
        [&](auto member) {
            using M = MemberOf<decltype(member)>;
            auto& target = ownerIn<typename M::OwnerType>(config).*member;
            if constexpr (std::is_same_v<typename M::ValueType, std::uint64_t>)
                target = value.toULongLong();
            else
                target = value.template value<typename M::ValueType>();
        },
        setting.field);
}

QString settingText(const TrainSetting& setting, const QVariant& value)
{
    switch (settingType(setting)) {
    case SettingType::Number:
        return number(value.toDouble());
    case SettingType::Switch:
        return value.toBool() ? QStringLiteral("on") : QStringLiteral("off");
    case SettingType::Integer:
    case SettingType::Choice:
    case SettingType::Text:
        break;
    }
    return value.toString();
}

std::optional<QVariant> parseSettingText(const TrainSetting& setting, const QString& text, QString* error)
{
    const auto refuse = [&](const char* expected) -> std::optional<QVariant> {
        if (error)
            *error = QStringLiteral("expects %1 (got '%2')").arg(QLatin1String(expected), text);
        return std::nullopt;
    };
    bool ok = false;
    if (!setting.autoSwitch.isEmpty() && text == kAutoValue)
        return QVariant(kAutoValue);
    switch (settingType(setting)) {
    case SettingType::Number: {
        const double v = text.toDouble(&ok);
        return ok ? std::optional<QVariant>(v) : refuse("a number");
    }
    case SettingType::Integer: {
        if (std::holds_alternative<std::uint64_t TrainConfig::*>(setting.field)) {
            const qulonglong v = text.toULongLong(&ok);
            return ok ? std::optional<QVariant>(v) : refuse("a non-negative integer");
        }
        const int v = text.toInt(&ok);
        return ok ? std::optional<QVariant>(v) : refuse("an integer");
    }
    case SettingType::Switch:
        if (text == QLatin1String("on") || text == QLatin1String("off"))
            return QVariant(text == QLatin1String("on"));
        return refuse("on or off");
    case SettingType::Choice:
        if (setting.choices.contains(text))
            return QVariant(text);
        if (error)
            *error = QStringLiteral("must be one of %1 (got '%2')")
                         .arg(setting.choices.join(QStringLiteral(", ")), text);
        return std::nullopt;
    case SettingType::Text:
        break;
    }
    return QVariant(text);
}

std::optional<FieldProblem> settingProblem(const TrainSetting& s, const QVariant& value)
{
    const SettingType type = settingType(s);
    if (type == SettingType::Choice) {
        if (s.choices.contains(value.toString()))
            return std::nullopt;
        return FieldProblem{s.key, QStringLiteral("unknown %1 '%2' (known: %3)")
                                       .arg(s.what, value.toString(), s.choices.join(QStringLiteral(", ")))};
    }
    if (type != SettingType::Integer && type != SettingType::Number)
        return std::nullopt;
    const double v = value.toDouble();
    const bool aboveMinimum = s.minimumOpen ? v > s.minimum : v >= s.minimum;
    const bool belowMaximum = s.maximumOpen ? v < s.maximum : v <= s.maximum;
    if (aboveMinimum && belowMaximum) // false for NaN
        return std::nullopt;
    const QString got = type == SettingType::Number ? number(v) : value.toString();
    QString rule;
    if (std::isfinite(s.maximum) && s.key != QLatin1String("seed"))
        rule = QStringLiteral("must lie in %1").arg(settingRangeText(s));
    else if (s.minimumOpen)
        rule = s.minimum == 0 ? QStringLiteral("must be positive")
                              : QStringLiteral("must be greater than %1").arg(number(s.minimum));
    else
        rule = s.minimum == 0 ? QStringLiteral("must not be negative")
                              : QStringLiteral("must be at least %1").arg(number(s.minimum));
    return FieldProblem{s.key, QStringLiteral("%1 %2 (got %3)").arg(s.what, rule, got)};
}

TrainConfig::TrainConfig()
{
    applyDefaults(*this, model.name);
}

TrainConfig TrainConfig::defaultsFor(const QString& modelName)
{
    TrainConfig c;
    c.model.name = modelName;
    for (const TrainSetting& s : trainSettings())
        if (s.key != QLatin1String("model"))
            setSettingValue(s, c, settingDefault(s, modelName));
    return c;
}

std::vector<FieldProblem> TrainConfig::problems() const
{
    std::vector<FieldProblem> found;
    for (const TrainSetting& s : trainSettings()) {
        if (auto problem = settingProblem(s, settingValue(s, *this)))
            found.push_back(std::move(*problem));
        // An on/off setting of another model would be silently ignored.
        if (settingType(s) == SettingType::Switch && !settingAppliesTo(s, model.name) &&
            settingValue(s, *this) != settingDefault(s, model.name))
            found.push_back(
                {s.key,
                 QStringLiteral("%1 applies only to %2").arg(s.what, s.models.join(QStringLiteral(", ")))});
    }
    return found;
}

QJsonObject TrainConfig::toJson() const
{
    QJsonObject json;
    for (const TrainSetting& s : trainSettings()) {
        if (!s.inConfigJson)
            continue;
        const QVariant value = settingValue(s, *this);
        if (s.omittedAtDefault && value == settingDefault(s, model.name))
            continue;
        json[s.key] = s.jsonText ? QJsonValue(value.toString()) : QJsonValue::fromVariant(value);
    }
    return json;
}

TrainConfig TrainConfig::fromJson(const QJsonObject& json)
{
    TrainConfig c;
    for (const TrainSetting& s : trainSettings()) {
        const QJsonValue value = json[s.key];
        if (value.isUndefined() || value.isNull())
            continue;
        setSettingValue(s, c, s.jsonText ? QVariant(value.toString()) : value.toVariant());
    }
    return c;
}

ModelSpec::ModelSpec()
{
    applyDefaults(*this, QStringLiteral("srmil"));
}

std::vector<FieldProblem> ModelSpec::problems() const
{
    TrainConfig config;
    config.model = *this;
    std::vector<FieldProblem> found;
    for (const TrainSetting& s : trainSettings())
        if (isModelSpecField(s))
            if (auto problem = settingProblem(s, settingValue(s, config)))
                found.push_back(std::move(*problem));
    return found;
}

void ModelSpec::writeTo(QJsonObject& json) const
{
    TrainConfig config;
    config.model = *this;
    const QJsonObject all = config.toJson();
    for (const TrainSetting& s : trainSettings())
        if (isModelSpecField(s))
            json[s.key] = all[s.key];
}

ModelSpec ModelSpec::readFrom(const QJsonObject& json)
{
    return TrainConfig::fromJson(json).model;
}

} // namespace tessera::core
