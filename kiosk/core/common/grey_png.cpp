#include "kiosk/core/common/grey_png.hpp"

#include <algorithm>
#include <cstring>

#include <turbojpeg.h>

// stb_image_write and stb_image are implemented here, once for the whole program; no stdio so the
// core does no file I/O.
#define STBI_WRITE_NO_STDIO
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_NO_STDIO
// decodeImage (scan/image_view.hpp: scan-image, the image-file camera) promises PNG, JPEG, BMP and
// PGM/PPM. stb decodes PNG, BMP and PGM/PPM; JPEG is libjpeg-turbo's (decodeJpeg below).
#define STBI_ONLY_PNG
// stb's user messages are fixed strings. Its short ones are not: an unknown PNG chunk is reported by
// writing the chunk's four bytes from the file into a static buffer (found by the image fuzzer as the
// reason "I: ", a chunk type with a NUL in it), which puts file bytes in a log line and is a data race
// between two threads decoding at once.
#define STBI_FAILURE_USERMSG
#define STBI_ONLY_BMP
#define STBI_ONLY_PNM
#define STB_IMAGE_IMPLEMENTATION
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wsign-compare"
#endif
#include <stb/stb_image.h>
#include <stb/stb_image_write.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace kiosk::core {

namespace {
/// stb_image_write's output callback: appends each chunk to the std::vector in `context`.
void appendBytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* p = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), p, p + size);
}
/// Positive width and height whose product is within the limit; "" when fine.
std::string checkSize(int w, int h, const ImageLimits& limits) {
    if (w <= 0 || h <= 0) return "the image header gives no usable size";
    const std::int64_t pixels = static_cast<std::int64_t>(w) * h;
    if (pixels > limits.maxPixels) {
        return "image is " + std::to_string(w) + "x" + std::to_string(h) + " pixels, over the limit of " +
               std::to_string(limits.maxPixels) + " pixels";
    }
    return {};
}

/// stb reads a binary PGM/PPM header ("P5"/"P6", width, height, maximum value) with an int that
/// overflows on a long digit run (undefined behaviour, and a negative width). Walk the header the way
/// stb does and refuse numbers of more than 9 digits, so stb only ever sees numbers that fit, and a
/// maximum value over 255 (16-bit samples, which stb 2.27 mishandles).
/// @return "" when the bytes are not a PNM or its header numbers fit; otherwise the reason
std::string checkPnmHeader(std::span<const std::uint8_t> bytes) {
    if (bytes.size() < 2 || bytes[0] != 'P' || (bytes[1] != '5' && bytes[1] != '6')) return {};
    std::size_t i = 2;
    auto at = [&](std::size_t k) { return k < bytes.size() ? static_cast<char>(bytes[k]) : '\0'; };
    auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; };
    for (int field = 0; field < 3; ++field) {
        for (;;) {  // whitespace and # comments, as stbi__pnm_skip_whitespace
            while (i < bytes.size() && isSpace(at(i))) ++i;
            if (at(i) != '#') break;
            while (i < bytes.size() && at(i) != '\n' && at(i) != '\r') ++i;
        }
        std::size_t digits = 0;
        long value = 0;
        while (i < bytes.size() && at(i) >= '0' && at(i) <= '9') {
            value = value * 10 + (at(i) - '0');
            ++i;
            if (++digits > 9) return "PNM header number too long";
        }
        // stb 2.27 converts a 16-bit PNM to one channel as if it were 8-bit, then reads twice the
        // buffer (a heap overflow the image fuzzer found). Receipts are 8-bit: refuse the rest.
        if (field == 2 && value > 255) return "16-bit PGM/PPM is not supported";
    }
    return {};
}

/// stb's reason for its last failure (one of its fixed user messages), or @p otherwise when it gave
/// none or an empty one.
std::string stbReason(const char* otherwise) {
    const char* why = stbi_failure_reason();
    return why != nullptr && *why != '\0' ? std::string{why} : std::string{otherwise};
}

/// Whether the bytes are a JPEG: an SOI marker, FF D8.
bool isJpeg(std::span<const std::uint8_t> bytes) {
    return bytes.size() >= 2 && bytes[0] == 0xFF && bytes[1] == 0xD8;
}

/// Decodes a JPEG with libjpeg-turbo (its TurboJPEG API), straight to one grey channel. stb 2.27's JPEG
/// decoder was the image fuzzer's main finding: three defects in its Huffman decoding (a table written
/// past its end, one read outside, a shift by 33) that stb only fixed later. libjpeg-turbo is the JPEG
/// decoder every Debian program uses and is fuzzed continuously upstream.
/// The size in the header is checked against @p limits before anything is decoded; a progressive JPEG
/// may have at most 500 scans (TJFLAG_LIMITSCANS: each scan is a full pass over the coefficients, so a
/// small file with many scans would be a CPU bomb). A damaged JPEG that libjpeg-turbo can still decode
/// with a warning (a truncated camera frame) is kept: what was decoded may still hold the code.
std::expected<GreyPixels, std::string> decodeJpeg(std::span<const std::uint8_t> bytes, const ImageLimits& limits) {
    tjhandle handle = tjInitDecompress();
    if (handle == nullptr) return std::unexpected(std::string{"JPEG decoder unavailable"});
    struct Release {
        tjhandle h;
        ~Release() { tjDestroy(h); }
    } release{handle};
    auto reason = [&] { return "bad JPEG: " + std::string{tjGetErrorStr2(handle)}; };
    int w = 0;
    int h = 0;
    int subsampling = 0;
    int colorspace = 0;
    if (tjDecompressHeader3(handle, bytes.data(), static_cast<unsigned long>(bytes.size()), &w, &h, &subsampling,
                            &colorspace) != 0) {
        return std::unexpected(reason());
    }
    if (auto problem = checkSize(w, h, limits); !problem.empty()) return std::unexpected(std::move(problem));
    GreyPixels out;
    out.width = w;
    out.height = h;
    out.pixels.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    if (tjDecompress2(handle, bytes.data(), static_cast<unsigned long>(bytes.size()), out.pixels.data(), w, w, h,
                      TJPF_GRAY, TJFLAG_LIMITSCANS) != 0 &&
        tjGetErrorCode(handle) != TJERR_WARNING) {
        return std::unexpected(reason());
    }
    return out;
}

/// stb 2.27 grows its buffer to a PNG chunk's declared length before it reads the chunk: a 283-byte
/// file whose IDAT claims 1.4 GB allocated 2 GB (found by the image fuzzer). Every chunk up to IEND
/// must fit in the file.
/// @return "" when the bytes are not a PNG or every chunk fits; otherwise the reason
std::string checkPngChunks(std::span<const std::uint8_t> bytes) {
    static constexpr std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (bytes.size() < 8 || !std::equal(kSignature, kSignature + 8, bytes.begin())) return {};
    std::size_t pos = 8;
    while (pos + 8 <= bytes.size()) {
        const std::size_t length = (std::size_t{bytes[pos]} << 24) | (std::size_t{bytes[pos + 1]} << 16) |
                                   (std::size_t{bytes[pos + 2]} << 8) | std::size_t{bytes[pos + 3]};
        if (length > bytes.size() - pos - 8) return "PNG chunk runs past the end of the file";
        if (bytes[pos + 4] == 'I' && bytes[pos + 5] == 'E' && bytes[pos + 6] == 'N' && bytes[pos + 7] == 'D') break;
        pos += 12 + length;
    }
    return {};
}

}  // namespace

std::vector<std::uint8_t> encodeGreyPng(const std::uint8_t* pixels, int width, int height, int stride) {
    std::vector<std::uint8_t> png;
    if (stbi_write_png_to_func(appendBytes, &png, width, height, 1, pixels, stride) == 0) png.clear();
    return png;
}

std::expected<GreyPixels, std::string> decodeGreyPng(std::span<const std::uint8_t> png, const ImageLimits& limits) {
    if (png.empty()) return std::unexpected(std::string{"empty image"});
    if (auto problem = checkPnmHeader(png); !problem.empty()) return std::unexpected(std::move(problem));
    if (isJpeg(png)) return decodeJpeg(png, limits);
    if (auto problem = checkPngChunks(png); !problem.empty()) return std::unexpected(std::move(problem));
    int w = 0;
    int h = 0;
    int channels = 0;
    const int size = static_cast<int>(png.size());
    // The header alone: nothing is allocated for pixels until the size is known to be sane.
    if (stbi_info_from_memory(png.data(), size, &w, &h, &channels) == 0) {
        return std::unexpected(stbReason("unknown image type"));
    }
    if (auto problem = checkSize(w, h, limits); !problem.empty()) return std::unexpected(std::move(problem));
    // Ask stb for one channel: it converts colour to luminance itself.
    unsigned char* px = stbi_load_from_memory(png.data(), size, &w, &h, &channels, 1);
    if (px == nullptr) return std::unexpected(stbReason("corrupt image data"));
    // The decoder read the header again; never trust that it agrees with the first look.
    if (auto problem = checkSize(w, h, limits); !problem.empty()) {
        stbi_image_free(px);
        return std::unexpected(std::move(problem));
    }
    GreyPixels out;
    out.width = w;
    out.height = h;
    out.pixels.assign(px, px + static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    stbi_image_free(px);
    return out;
}

}  // namespace kiosk::core
