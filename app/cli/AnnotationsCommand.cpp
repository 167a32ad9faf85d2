// tessera-cli annotations import|export|list: a project slide's annotations in and out of QuPath
// GeoJSON and ASAP XML, with the GUI's all-or-nothing readers and messages, recorded in the project.
#include "CliCommand.h"
#include "CommandOptions.h"
#include "annotations/AnnotationFiles.h"
#include "common/Error.h"
#include "project/Project.h"

#include <QFileInfo>
#include <map>

namespace tessera::cli {

namespace {

const QStringList kActions{QStringLiteral("import"), QStringLiteral("export"), QStringLiteral("list")};
const QStringList kValueOptions{QStringLiteral("--project"), QStringLiteral("--slide"),
                                QStringLiteral("--format")};

// The FILE argument: the one argument that is neither an option nor an option's value.
QString takeFile(QStringList& arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments[i];
        if (a.startsWith(QLatin1Char('-'))) {
            if (kValueOptions.contains(a))
                ++i; // its value follows
            continue;
        }
        return arguments.takeAt(i);
    }
    return {};
}

// The slide by its key in the project, else as a file (added to the project if needed).
qint64 slideOf(core::Project& project, const QString& slide)
{
    for (const core::SlideRecord& r : project.slides().list())
        if (r.key == slide)
            return project.annotations().slideIdFor(r.path);
    if (!QFileInfo(slide).isFile())
        throw core::Error(QStringLiteral("The project %1 has no slide '%2' (and it is not a slide file)")
                              .arg(project.folder(), slide));
    return project.annotations().slideIdFor(slide);
}

std::optional<core::AnnotationFormat> formatOption(const CommandOptions& options)
{
    if (!options.isSet(QStringLiteral("format")))
        return std::nullopt;
    return options.choice(QStringLiteral("format"), {QStringLiteral("geojson"), QStringLiteral("asap")}) ==
                   QLatin1String("asap")
               ? core::AnnotationFormat::AsapXml
               : core::AnnotationFormat::GeoJson;
}

int importInto(core::Project& project, qint64 slide, const QString& file,
               std::optional<core::AnnotationFormat> format, CliContext& io)
{
    // Parsed whole before anything is written: a bad file changes nothing.
    core::AnnotationImport in =
        format ? core::importAnnotations(file, *format) : core::importAnnotations(file);
    std::vector<core::AnnotationClass> classes = in.classes;
    for (const core::Annotation& a : in.annotations)
        if (!a.className.isEmpty() && !core::findClass(classes, a.className))
            classes.push_back({a.className, {}, true});
    // Classes the file names without a colour get the palette's next one, as in the GUI.
    const QStringList created = project.annotations().addClasses(classes);
    // The files' ids are kept (QuPath's UUIDs): importing the same file again replaces, not doubles.
    // Ids of another slide's annotations (a file exported from there) are renewed instead.
    const int renewed = project.annotations().renewIdsTakenElsewhere(slide, in.annotations);
    project.annotations().save(slide, in.annotations, {});
    io.out << QStringLiteral("%1 annotation(s) imported from %2; the slide has %3.\n")
                  .arg(in.annotations.size())
                  .arg(QFileInfo(file).fileName())
                  .arg(project.annotations().count(slide));
    if (renewed > 0)
        io.out << QStringLiteral(
                      "%1 annotation(s) got new ids: theirs belong to another slide's annotations.\n")
                      .arg(renewed);
    if (!created.isEmpty())
        io.out << QStringLiteral("New classes: %1.\n").arg(created.join(QStringLiteral(", ")));
    if (!in.dropped.isEmpty())
        io.out << QStringLiteral("Not kept: %1.\n").arg(in.dropped.join(QStringLiteral("; ")));
    return kOk;
}

int exportFrom(core::Project& project, qint64 slide, const QString& file,
               std::optional<core::AnnotationFormat> format, CliContext& io)
{
    const std::vector<core::Annotation> annotations = project.annotations().load(slide);
    const std::vector<core::AnnotationClass> classes = project.annotations().classes();
    const QStringList dropped = format ? core::exportAnnotations(file, *format, annotations, classes)
                                       : core::exportAnnotations(file, annotations, classes);
    io.out << QStringLiteral("%1 annotation(s) written to %2.\n").arg(annotations.size()).arg(file);
    if (!dropped.isEmpty())
        io.out << QStringLiteral("The format cannot hold: %1.\n").arg(dropped.join(QStringLiteral("; ")));
    return kOk;
}

int list(core::Project& project, qint64 slide, CliContext& io)
{
    const std::vector<core::Annotation> annotations = project.annotations().load(slide);
    std::map<QString, int> perClass;
    io.out << QStringLiteral("id\tclass\tshape\tpoints\tname\tauthor\tmodified\n");
    for (const core::Annotation& a : annotations) {
        const int points = a.geometry.vertexCount();
        io.out << QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\t%7\n")
                      .arg(a.id.toString(QUuid::WithoutBraces),
                           a.className.isEmpty() ? QStringLiteral("-") : a.className,
                           core::shapeKindName(a.geometry.kind))
                      .arg(points)
                      .arg(a.name, a.author, a.modified.toString(Qt::ISODate));
        ++perClass[a.className.isEmpty() ? QStringLiteral("unclassified") : a.className];
    }
    QStringList counts;
    for (const auto& [name, count] : perClass)
        counts << QStringLiteral("%1 %2").arg(name).arg(count);
    io.out << QStringLiteral("%1 annotation(s)%2\n")
                  .arg(annotations.size())
                  .arg(counts.isEmpty() ? QString()
                                        : QStringLiteral(": ") + counts.join(QStringLiteral(", ")));
    return kOk;
}

} // namespace

int runAnnotations(const QStringList& arguments, CliContext& io)
{
    QStringList rest = arguments;
    const QString action =
        rest.size() > 1 && !rest[1].startsWith(QLatin1Char('-')) ? rest.takeAt(1) : QString();
    const QString file = takeFile(rest);
    CommandOptions options(
        io,
        QStringLiteral("A project slide's annotations: import FILE (QuPath GeoJSON or ASAP XML, all or "
                       "nothing; the file's ids are kept, so importing it again replaces), export FILE, or "
                       "list them.\n  tessera-cli annotations import|export|list --project P --slide S "
                       "[--format geojson|asap] [FILE]"));
    options.add(QStringLiteral("project"), QStringLiteral("The project folder."), QStringLiteral("dir"));
    options.add(QStringLiteral("slide"), QStringLiteral("The slide: its key in the project, or its file."),
                QStringLiteral("slide"));
    options.add(QStringLiteral("format"),
                QStringLiteral("geojson or asap; by default from FILE's extension (.geojson/.json, .xml) or "
                               "its first character."),
                QStringLiteral("format"));
    options.parse(rest);
    if (!kActions.contains(action))
        throw UsageError{action.isEmpty()
                             ? QStringLiteral("name an action: %1").arg(kActions.join(QStringLiteral(", ")))
                             : QStringLiteral("unknown action '%1' (%2)")
                                   .arg(action, kActions.join(QStringLiteral(", ")))};
    options.require({"project", "slide"});
    if (action != QLatin1String("list") && file.isEmpty())
        throw UsageError{QStringLiteral("%1 needs a FILE").arg(action)};
    const std::optional<core::AnnotationFormat> format = formatOption(options);
    const auto project = core::Project::open(options.value(QStringLiteral("project")));
    const qint64 slide = slideOf(*project, options.value(QStringLiteral("slide")));
    if (action == QLatin1String("import"))
        return importInto(*project, slide, file, format, io);
    if (action == QLatin1String("export"))
        return exportFrom(*project, slide, file, format, io);
    return list(*project, slide, io);
}

} // namespace tessera::cli
