#include "DicomStructure.h"

#include <cstring>
#include <stdexcept>

namespace tessera::core {

namespace {

constexpr uint32_t kUndefined = 0xFFFFFFFFu;
constexpr int kDeepest = 16; // sequences nested deeper than any IOD needs

struct Walker {
    const uint8_t* bytes;
    uint64_t size;
    bool explicitVr = true;

    [[noreturn]] static void fail(const QString& why) { throw std::runtime_error(why.toStdString()); }

    uint16_t u16(uint64_t at) const
    {
        uint16_t v;
        std::memcpy(&v, bytes + at, 2);
        return v;
    }
    uint32_t u32(uint64_t at) const
    {
        uint32_t v;
        std::memcpy(&v, bytes + at, 4);
        return v;
    }
    static QString tagName(uint16_t group, uint16_t element)
    {
        return QStringLiteral("(%1,%2)")
            .arg(group, 4, 16, QLatin1Char('0'))
            .arg(element, 4, 16, QLatin1Char('0'))
            .toUpper();
    }

    // One of the standard's value representations: GDCM reads an element whose VR bytes are
    // none of them by other rules (an implicit VR, a 4-byte length), so such a header is damage
    // here rather than a different reading there (a fuzzed 5 KB file made it allocate 4 GiB).
    static bool knownVr(const char vr[2])
    {
        static const char* const kAll[] = {"AE", "AS", "AT", "CS", "DA", "DS", "DT", "FL", "FD",
                                           "IS", "LO", "LT", "OB", "OD", "OF", "OL", "OV", "OW",
                                           "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC",
                                           "UI", "UL", "UN", "UR", "US", "UT", "UV"};
        for (const char* name : kAll)
            if (vr[0] == name[0] && vr[1] == name[1])
                return true;
        return false;
    }

    static bool longFormVr(const char vr[2])
    {
        static const char* const kLong[] = {"OB", "OW", "OF", "OD", "OL", "OV", "SQ",
                                            "UC", "UR", "UT", "UN", "SV", "UV"};
        for (const char* name : kLong)
            if (vr[0] == name[0] && vr[1] == name[1])
                return true;
        return false;
    }

    // Encapsulated fragments from `at`: items of raw bytes up to the sequence delimiter (returns
    // after it).
    uint64_t fragmentItems(uint64_t at, uint64_t end)
    {
        while (end - at >= 8) {
            const uint16_t group = u16(at), element = u16(at + 2);
            const uint32_t length = u32(at + 4);
            if (group == 0xFFFE && element == 0xE0DD)
                return at + 8;
            if (group != 0xFFFE || element != 0xE000 || length == kUndefined || length > end - at - 8)
                fail(QStringLiteral("a fragment of encapsulated pixel data at byte %1 is damaged").arg(at));
            at += 8 + uint64_t(length);
        }
        fail(QStringLiteral("encapsulated pixel data has no end before byte %1").arg(end));
    }

    // Elements from `at` up to `end`; in an undefined-length item, up to its delimiter (returns
    // after it). At the top level, stops before the pixel data.
    uint64_t elements(uint64_t at, uint64_t end, int depth, bool untilItemEnd, bool topLevel)
    {
        while (at < end) {
            if (end - at < 8)
                fail(QStringLiteral("an element header at byte %1 is cut short").arg(at));
            const uint16_t group = u16(at), element = u16(at + 2);
            if (group == 0xFFFE) {
                if (element == 0xE00D && untilItemEnd)
                    return at + 8;
                fail(QStringLiteral("an item tag %1 at byte %2 lies where an element belongs")
                         .arg(tagName(group, element))
                         .arg(at));
            }
            if (topLevel && group == 0x7FE0 && element == 0x0010)
                return at;
            // The file meta group is always explicit VR; the data set as its transfer syntax says.
            const bool explicitHere = group == 0x0002 || explicitVr;
            uint32_t length = 0;
            uint64_t header = 8;
            bool sequence = false, fragments = false, unknown = false;
            if (explicitHere) {
                const char vr[2] = {char(bytes[at + 4]), char(bytes[at + 5])};
                if (!knownVr(vr))
                    fail(QStringLiteral("element %1 at byte %2 has no valid value representation")
                             .arg(tagName(group, element))
                             .arg(at));
                if (longFormVr(vr)) {
                    if (end - at < 12)
                        fail(QStringLiteral("the header of element %1 at byte %2 is cut short")
                                 .arg(tagName(group, element))
                                 .arg(at));
                    length = u32(at + 8);
                    header = 12;
                } else {
                    length = u16(at + 6);
                }
                sequence = vr[0] == 'S' && vr[1] == 'Q';
                unknown = vr[0] == 'U' && vr[1] == 'N';
                // Encapsulated pixel data of undefined length (an icon image inside a sequence).
                fragments = vr[0] == 'O' && (vr[1] == 'B' || vr[1] == 'W') && length == kUndefined;
            } else {
                length = u32(at + 4);
                fragments = group == 0x7FE0 && element == 0x0010 && length == kUndefined;
                // Implicit VR: an undefined length is a sequence; a defined one may be too, which
                // its first item tag tells.
                sequence =
                    !fragments && (length == kUndefined || (length >= 8 && end - at - 8 >= 8 &&
                                                            u16(at + 8) == 0xFFFE && u16(at + 10) == 0xE000));
            }
            at += header;
            if (length == kUndefined) {
                if (fragments) {
                    at = fragmentItems(at, end);
                } else if (sequence || unknown) {
                    // UN of undefined length holds a sequence encoded in implicit VR.
                    const bool outer = explicitVr;
                    if (unknown)
                        explicitVr = false;
                    at = items(at, end, depth + 1, true);
                    explicitVr = outer;
                } else {
                    fail(QStringLiteral("element %1 at byte %2 has an undefined length but is no sequence")
                             .arg(tagName(group, element))
                             .arg(at - header));
                }
                continue;
            }
            if (length > end - at)
                fail(QStringLiteral("element %1 at byte %2 claims %3 bytes; %4 are left")
                         .arg(tagName(group, element))
                         .arg(at - header)
                         .arg(length)
                         .arg(end - at));
            if (sequence)
                items(at, at + length, depth + 1, false);
            at += length;
        }
        if (untilItemEnd)
            fail(QStringLiteral("an item has no end before byte %1").arg(end));
        return at;
    }

    // The items of a sequence from `at`: up to `end` (a defined length), or up to the sequence
    // delimiter (returns after it).
    uint64_t items(uint64_t at, uint64_t end, int depth, bool untilSequenceEnd)
    {
        if (depth > kDeepest)
            fail(QStringLiteral("sequences are nested more than %1 deep at byte %2").arg(kDeepest).arg(at));
        while (at < end) {
            if (end - at < 8)
                fail(QStringLiteral("an item header at byte %1 is cut short").arg(at));
            const uint16_t group = u16(at), element = u16(at + 2);
            const uint32_t length = u32(at + 4);
            if (group == 0xFFFE && element == 0xE0DD && untilSequenceEnd)
                return at + 8;
            if (group != 0xFFFE || element != 0xE000)
                fail(QStringLiteral("%1 at byte %2 lies where a sequence item belongs")
                         .arg(tagName(group, element))
                         .arg(at));
            at += 8;
            if (length == kUndefined) {
                at = elements(at, end, depth, true, false);
                continue;
            }
            if (length > end - at)
                fail(QStringLiteral("an item at byte %1 claims %2 bytes; %3 are left")
                         .arg(at - 8)
                         .arg(length)
                         .arg(end - at));
            elements(at, at + length, depth, false, false);
            at += length;
        }
        if (untilSequenceEnd)
            fail(QStringLiteral("a sequence has no end before byte %1").arg(end));
        return at;
    }
};

} // namespace

QString checkDicomStructure(const uint8_t* bytes, uint64_t size)
{
    if (size < 132 || std::memcmp(bytes + 128, "DICM", 4) != 0)
        return QStringLiteral("no DICOM preamble");
    Walker walker{bytes, size};
    try {
        // The file meta group first: its transfer syntax says how the data set is encoded.
        uint64_t at = 132;
        while (at + 8 <= size && walker.u16(at) == 0x0002) {
            const uint64_t next = [&] {
                const uint16_t element = walker.u16(at + 2);
                const char vr[2] = {char(bytes[at + 4]), char(bytes[at + 5])};
                if (!Walker::knownVr(vr))
                    Walker::fail(QStringLiteral("the file meta header has an element without a valid value "
                                                "representation at byte %1")
                                     .arg(at));
                const bool longForm = Walker::longFormVr(vr);
                const uint64_t header = longForm ? 12 : 8;
                if (at + header > size)
                    Walker::fail(QStringLiteral("the file meta header is cut short"));
                const uint32_t length = longForm ? walker.u32(at + 8) : walker.u16(at + 6);
                if (length == kUndefined || length > size - at - header)
                    Walker::fail(QStringLiteral("file meta element (0002,%1) claims %2 bytes past the end")
                                     .arg(element, 4, 16, QLatin1Char('0'))
                                     .arg(length));
                if (element == 0x0010) { // Transfer Syntax UID
                    const QByteArray uid =
                        QByteArray(reinterpret_cast<const char*>(bytes + at + header), qsizetype(length))
                            .replace('\0', "")
                            .trimmed();
                    walker.explicitVr = uid != "1.2.840.10008.1.2";
                }
                return at + header + length;
            }();
            at = next;
        }
        walker.elements(at, size, 0, false, true);
    } catch (const std::runtime_error& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace tessera::core
