// Encodes one 8-bit RGB tile as a standalone JPEG baseline stream (libjpeg-turbo, YCbCr 4:2:0) or
// a lossless JPEG 2000 codestream (OpenJPEG, reversible 5/3 wavelet with the RCT): DICOM frames.
#pragma once

#include <QByteArray>
#include <opencv2/core.hpp>

namespace tessera::core {

// Throw Error on failure.
QByteArray encodeJpegFrame(const cv::Mat& rgb, int quality);
QByteArray encodeLosslessJpeg2000Frame(const cv::Mat& rgb);

} // namespace tessera::core
