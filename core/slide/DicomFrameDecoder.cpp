#include "DicomFrameDecoder.h"

#include "JpegTileDecoder.h"

#include <charls/charls.h>
#include <openjpeg.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

namespace tessera::core {

namespace {

inline uint32_t argb(uint8_t r, uint8_t g, uint8_t b)
{
    return 0xFF000000u | uint32_t(r) << 16 | uint32_t(g) << 8 | uint32_t(b);
}

// 8-bit samples, interleaved (pixelStep = samples, planeStep = 1) or planar (pixelStep = 1,
// planeStep = width × height), to ARGB; MONOCHROME1 is inverted.
void samplesToArgb(const uint8_t* in, int width, int height, int samples, std::size_t pixelStep,
                   std::size_t planeStep, bool invert, uint8_t* dest, std::size_t stride)
{
    for (int y = 0; y < height; ++y) {
        auto* out = reinterpret_cast<uint32_t*>(dest + std::size_t(y) * stride);
        for (int x = 0; x < width; ++x) {
            const uint8_t* p = in + (std::size_t(y) * std::size_t(width) + std::size_t(x)) * pixelStep;
            if (samples == 1) {
                const uint8_t v = invert ? uint8_t(255 - p[0]) : p[0];
                out[x] = argb(v, v, v);
            } else {
                out[x] = argb(p[0], p[planeStep], p[2 * planeStep]);
            }
        }
    }
}

// OpenJPEG reads from memory through these callbacks.
struct MemoryStream {
    const uint8_t* data;
    std::size_t size;
    std::size_t at = 0;
};

OPJ_SIZE_T readFromMemory(void* buffer, OPJ_SIZE_T bytes, void* user)
{
    auto* s = static_cast<MemoryStream*>(user);
    if (s->at >= s->size)
        return OPJ_SIZE_T(-1);
    const std::size_t n = std::min<std::size_t>(bytes, s->size - s->at);
    std::memcpy(buffer, s->data + s->at, n);
    s->at += n;
    return n;
}

OPJ_OFF_T skipInMemory(OPJ_OFF_T bytes, void* user)
{
    auto* s = static_cast<MemoryStream*>(user);
    const OPJ_OFF_T n = std::clamp<OPJ_OFF_T>(bytes, -OPJ_OFF_T(s->at), OPJ_OFF_T(s->size - s->at));
    s->at = std::size_t(OPJ_OFF_T(s->at) + n);
    return n;
}

OPJ_BOOL seekInMemory(OPJ_OFF_T to, void* user)
{
    auto* s = static_cast<MemoryStream*>(user);
    if (to < 0 || std::size_t(to) > s->size)
        return OPJ_FALSE;
    s->at = std::size_t(to);
    return OPJ_TRUE;
}

QString decodeJpeg2000(const DicomInstance& in, const uint8_t* data, std::size_t size, uint8_t* dest,
                       std::size_t stride)
{
    // A raw codestream starts with SOC (FF 4F); a JP2 file with its signature box.
    const bool raw = size >= 2 && data[0] == 0xFF && data[1] == 0x4F;
    std::unique_ptr<opj_codec_t, void (*)(opj_codec_t*)> codec(
        opj_create_decompress(raw ? OPJ_CODEC_J2K : OPJ_CODEC_JP2), opj_destroy_codec);
    opj_dparameters_t parameters;
    opj_set_default_decoder_parameters(&parameters);
    if (!codec || !opj_setup_decoder(codec.get(), &parameters))
        return QStringLiteral("OpenJPEG could not start a decoder");
    MemoryStream memory{data, size};
    std::unique_ptr<opj_stream_t, void (*)(opj_stream_t*)> stream(opj_stream_default_create(OPJ_TRUE),
                                                                  opj_stream_destroy);
    opj_stream_set_user_data(stream.get(), &memory, nullptr);
    opj_stream_set_user_data_length(stream.get(), size);
    opj_stream_set_read_function(stream.get(), readFromMemory);
    opj_stream_set_skip_function(stream.get(), skipInMemory);
    opj_stream_set_seek_function(stream.get(), seekInMemory);
    opj_image_t* decoded = nullptr;
    if (!opj_read_header(stream.get(), codec.get(), &decoded))
        return QStringLiteral("OpenJPEG cannot read the JPEG 2000 header");
    std::unique_ptr<opj_image_t, void (*)(opj_image_t*)> image(decoded, opj_image_destroy);
    // Checked before decoding: a damaged codestream may claim a frame of gigabytes.
    if (int64_t(image->x1) - image->x0 != in.tileSize.width() ||
        int64_t(image->y1) - image->y0 != in.tileSize.height() || int(image->numcomps) != in.samplesPerPixel)
        return QStringLiteral(
                   "the JPEG 2000 frame is %1×%2 with %3 components, not the header's %4×%5 with %6")
            .arg(int64_t(image->x1) - image->x0)
            .arg(int64_t(image->y1) - image->y0)
            .arg(image->numcomps)
            .arg(in.tileSize.width())
            .arg(in.tileSize.height())
            .arg(in.samplesPerPixel);
    if (!opj_decode(codec.get(), stream.get(), image.get()) || !opj_end_decompress(codec.get(), stream.get()))
        return QStringLiteral("OpenJPEG could not decode the JPEG 2000 frame (corrupt data?)");
    const int width = in.tileSize.width(), height = in.tileSize.height();
    const int components = int(image->numcomps);
    if ((components != 3 && components != 1) || components != in.samplesPerPixel)
        return QStringLiteral("the JPEG 2000 frame has %1 components, the header says %2")
            .arg(components)
            .arg(in.samplesPerPixel);
    for (int c = 0; c < components; ++c) {
        const opj_image_comp_t& comp = image->comps[c];
        if (int(comp.w) != width || int(comp.h) != height || comp.prec != 8 || comp.dx != 1 || comp.dy != 1)
            return QStringLiteral("the JPEG 2000 frame is %1×%2 at %3 bits (component %4), not %5×%6 at 8")
                .arg(comp.w)
                .arg(comp.h)
                .arg(comp.prec)
                .arg(c)
                .arg(width)
                .arg(height);
    }
    const bool invert = in.photometric == QLatin1String("MONOCHROME1");
    for (int y = 0; y < height; ++y) {
        auto* out = reinterpret_cast<uint32_t*>(dest + std::size_t(y) * stride);
        const std::size_t row = std::size_t(y) * std::size_t(width);
        for (int x = 0; x < width; ++x) {
            const auto sample = [&](int c) {
                return uint8_t(std::clamp(image->comps[c].data[row + x], 0, 255));
            };
            if (components == 1) {
                const uint8_t v = invert ? uint8_t(255 - sample(0)) : sample(0);
                out[x] = argb(v, v, v);
            } else {
                out[x] = argb(sample(0), sample(1), sample(2));
            }
        }
    }
    return {};
}

QString decodeJpegLs(const DicomInstance& in, const uint8_t* data, std::size_t size, uint8_t* dest,
                     std::size_t stride)
{
    try {
        charls::jpegls_decoder decoder(data, size, true);
        const charls::frame_info info = decoder.frame_info();
        const int width = in.tileSize.width(), height = in.tileSize.height();
        if (int(info.width) != width || int(info.height) != height || info.bits_per_sample != 8 ||
            info.component_count != in.samplesPerPixel)
            return QStringLiteral(
                       "the JPEG-LS frame is %1×%2 with %3 components of %4 bits, not what the header says")
                .arg(info.width)
                .arg(info.height)
                .arg(info.component_count)
                .arg(info.bits_per_sample);
        thread_local std::vector<uint8_t> buffer;
        buffer.resize(decoder.destination_size());
        decoder.decode(buffer);
        const bool planar =
            info.component_count == 3 && decoder.interleave_mode() == charls::interleave_mode::none;
        samplesToArgb(buffer.data(), width, height, info.component_count,
                      planar ? 1 : std::size_t(info.component_count),
                      planar ? std::size_t(width) * std::size_t(height) : 1,
                      in.photometric == QLatin1String("MONOCHROME1"), dest, stride);
        return {};
    } catch (const std::exception& e) {
        return QStringLiteral("CharLS: %1").arg(QString::fromUtf8(e.what()));
    }
}

} // namespace

QString decodeDicomFrame(const DicomInstance& in, const uint8_t* data, std::size_t size, uint8_t* dest,
                         std::size_t stride)
{
    const int width = in.tileSize.width(), height = in.tileSize.height();
    switch (in.codec) {
    case DicomCodec::Native: {
        if (size < in.nativeFrameBytes())
            return QStringLiteral("the frame holds %1 of %2 bytes").arg(size).arg(in.nativeFrameBytes());
        if (in.samplesPerPixel == 3 && in.photometric != QLatin1String("RGB"))
            return QStringLiteral("uncompressed %1 frames are not supported (RGB only)").arg(in.photometric);
        const bool planar = in.samplesPerPixel == 3 && in.planarConfiguration == 1;
        samplesToArgb(data, width, height, in.samplesPerPixel, planar ? 1 : std::size_t(in.samplesPerPixel),
                      planar ? std::size_t(width) * std::size_t(height) : 1,
                      in.photometric == QLatin1String("MONOCHROME1"), dest, stride);
        return {};
    }
    case DicomCodec::Jpeg: {
        if (in.samplesPerPixel != 3)
            return QStringLiteral("grayscale JPEG frames are not supported");
        JpegTileSource source;
        source.data = data;
        source.size = size;
        // DICOM says what the stream holds: RGB means no colour transform was applied.
        source.rgbStream = in.photometric == QLatin1String("RGB");
        return decodeJpegTile(source, width, height, dest, stride);
    }
    case DicomCodec::Jpeg2000:
        return decodeJpeg2000(in, data, size, dest, stride);
    case DicomCodec::JpegLs:
        return decodeJpegLs(in, data, size, dest, stride);
    }
    return QStringLiteral("unknown codec");
}

} // namespace tessera::core
