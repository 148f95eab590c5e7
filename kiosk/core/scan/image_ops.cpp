#include "kiosk/core/scan/image_ops.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace kiosk::core {

PixelRect centreRect(int width, int height, double fraction) {
    fraction = std::clamp(fraction, 0.01, 1.0);
    const int w = std::max(1, static_cast<int>(width * fraction));
    const int h = std::max(1, static_cast<int>(height * fraction));
    return {(width - w) / 2, (height - h) / 2, w, h};
}

ImageView crop(ImageView view, PixelRect rect) {
    const int x = std::clamp(rect.x, 0, std::max(0, view.width - 1));
    const int y = std::clamp(rect.y, 0, std::max(0, view.height - 1));
    const int w = std::clamp(rect.width, 0, view.width - x);
    const int h = std::clamp(rect.height, 0, view.height - y);
    return {view.data + static_cast<std::ptrdiff_t>(y) * view.stride + x, w, h, view.stride};
}

void invertInto(ImageView src, LumaImage& dst) {
    dst.resize(src.width, src.height);
    for (int y = 0; y < src.height; ++y) {
        const std::uint8_t* in = src.row(y);
        std::uint8_t* out = dst.pixels.data() + static_cast<std::ptrdiff_t>(y) * src.width;
        for (int x = 0; x < src.width; ++x) out[x] = static_cast<std::uint8_t>(255 - in[x]);
    }
}

void downscale2Into(ImageView src, LumaImage& dst) {
    const int w = src.width / 2;
    const int h = src.height / 2;
    dst.resize(w, h);
    for (int y = 0; y < h; ++y) {
        const std::uint8_t* a = src.row(2 * y);
        const std::uint8_t* b = src.row(2 * y + 1);
        std::uint8_t* out = dst.pixels.data() + static_cast<std::ptrdiff_t>(y) * w;
        for (int x = 0; x < w; ++x) {
            const unsigned sum = a[2 * x] + a[2 * x + 1] + b[2 * x] + b[2 * x + 1];
            out[x] = static_cast<std::uint8_t>((sum + 2) / 4);
        }
    }
}

void downscaleToFitInto(ImageView src, int maxWidth, int maxHeight, LumaImage& dst) {
    if (!src.valid() || maxWidth <= 0 || maxHeight <= 0) {
        dst.resize(0, 0);
        return;
    }
    // Integer box factor: the smallest that makes the image fit (1 = plain copy).
    int factor = 1;
    while (src.width / factor > maxWidth || src.height / factor > maxHeight) ++factor;
    const int w = std::max(1, src.width / factor);
    const int h = std::max(1, src.height / factor);
    dst.resize(w, h);
    const unsigned area = static_cast<unsigned>(factor * factor);
    // Column sums of `factor` rows first (16 columns at a time, which g++ -O2 vectorizes), then the
    // sums across each box: the second step touches only 1/factor of the pixels.
    const int used = w * factor;
    std::vector<std::uint32_t> columns(static_cast<std::size_t>(used));
    constexpr int kChunk = 16;
    for (int y = 0; y < h; ++y) {
        std::fill(columns.begin(), columns.end(), 0u);
        for (int dy = 0; dy < factor; ++dy) {
            const std::uint8_t* in = src.row(y * factor + dy);
            int x = 0;
            for (; x + kChunk <= used; x += kChunk) {
                std::uint8_t v[kChunk];
                std::uint32_t c[kChunk];
                std::memcpy(v, in + x, kChunk);
                std::memcpy(c, columns.data() + x, sizeof c);
                for (int i = 0; i < kChunk; ++i) c[i] += v[i];
                std::memcpy(columns.data() + x, c, sizeof c);
            }
            for (; x < used; ++x) columns[static_cast<std::size_t>(x)] += in[x];
        }
        std::uint8_t* out = dst.pixels.data() + static_cast<std::ptrdiff_t>(y) * w;
        for (int x = 0; x < w; ++x) {
            std::uint32_t sum = 0;
            for (int dx = 0; dx < factor; ++dx) sum += columns[static_cast<std::size_t>(x * factor + dx)];
            out[x] = static_cast<std::uint8_t>((sum + area / 2) / area);
        }
    }
}

void upscale2Into(ImageView src, LumaImage& dst) {
    const int w = src.width * 2;
    const int h = src.height * 2;
    dst.resize(w, h);
    // Output pixel centres fall at 1/4 and 3/4 between input pixels: weights 3:1 each way.
    for (int y = 0; y < h; ++y) {
        const int sy = y / 2;
        const int ny = (y % 2 == 0) ? std::max(0, sy - 1) : std::min(src.height - 1, sy + 1);
        const std::uint8_t* r0 = src.row(sy);
        const std::uint8_t* r1 = src.row(ny);
        std::uint8_t* out = dst.pixels.data() + static_cast<std::ptrdiff_t>(y) * w;
        for (int x = 0; x < w; ++x) {
            const int sx = x / 2;
            const int nx = (x % 2 == 0) ? std::max(0, sx - 1) : std::min(src.width - 1, sx + 1);
            const unsigned v = 9u * r0[sx] + 3u * r0[nx] + 3u * r1[sx] + 1u * r1[nx];
            out[x] = static_cast<std::uint8_t>((v + 8) / 16);
        }
    }
}

void stretchContrast(LumaImage& image) {
    if (image.pixels.empty()) return;
    std::array<std::uint32_t, 256> histogram{};
    for (std::uint8_t p : image.pixels) ++histogram[p];
    const auto total = static_cast<std::uint64_t>(image.pixels.size());
    int lo = 0;
    int hi = 255;
    std::uint64_t seen = 0;
    for (int v = 0; v < 256; ++v) {
        seen += histogram[static_cast<std::size_t>(v)];
        if (seen * 100 >= total) {
            lo = v;
            break;
        }
    }
    seen = 0;
    for (int v = 255; v >= 0; --v) {
        seen += histogram[static_cast<std::size_t>(v)];
        if (seen * 100 >= total) {
            hi = v;
            break;
        }
    }
    if (hi - lo < 4 || (lo == 0 && hi == 255)) return;
    std::array<std::uint8_t, 256> map{};
    for (int v = 0; v < 256; ++v) {
        map[static_cast<std::size_t>(v)] = static_cast<std::uint8_t>(std::clamp((v - lo) * 255 / (hi - lo), 0, 255));
    }
    for (auto& p : image.pixels) p = map[p];
}

double estimateNoise(ImageView view) {
    if (!view.valid() || view.width < 8 || view.height < 8) return 0;
    // Histogram of |p[x+1] - p[x]| on about 32 rows, every 3rd pixel: a few thousand samples.
    std::array<std::uint32_t, 256> histogram{};
    std::uint32_t samples = 0;
    const int rowStep = std::max(1, view.height / 32);
    for (int y = rowStep / 2; y < view.height; y += rowStep) {
        const std::uint8_t* r = view.row(y);
        for (int x = 0; x + 1 < view.width; x += 3) {
            ++histogram[static_cast<std::size_t>(std::abs(r[x + 1] - r[x]))];
            ++samples;
        }
    }
    std::uint32_t seen = 0;
    for (std::size_t d = 0; d < histogram.size(); ++d) {
        seen += histogram[d];
        if (seen * 2 >= samples) {
            // Difference of two N(0, s^2) samples is N(0, 2 s^2); the median of its absolute value
            // is 0.6745 * sqrt(2) * s = 0.954 s. Integer histogram bins: use the bin centre.
            return (static_cast<double>(d) + 0.5) / 0.954;
        }
    }
    return 0;
}

void smoothInto(ImageView src, LumaImage& dst) {
    dst.resize(src.width, src.height);
    const int w = src.width;
    const int h = src.height;
    std::vector<std::uint16_t> column(static_cast<std::size_t>(w));
    for (int y = 0; y < h; ++y) {
        std::uint8_t* out = dst.pixels.data() + static_cast<std::ptrdiff_t>(y) * w;
        if (y == 0 || y == h - 1 || w < 3) {
            std::copy_n(src.row(y), w, out);
            continue;
        }
        const std::uint8_t* a = src.row(y - 1);
        const std::uint8_t* b = src.row(y);
        const std::uint8_t* c = src.row(y + 1);
        for (int x = 0; x < w; ++x) column[static_cast<std::size_t>(x)] = static_cast<std::uint16_t>(a[x] + 2 * b[x] + c[x]);
        out[0] = b[0];
        out[w - 1] = b[w - 1];
        for (int x = 1; x < w - 1; ++x) {
            const unsigned v = column[static_cast<std::size_t>(x - 1)] + 2u * column[static_cast<std::size_t>(x)] +
                               column[static_cast<std::size_t>(x + 1)];
            out[x] = static_cast<std::uint8_t>((v + 8) / 16);
        }
    }
}

void averageRowsInto(ImageView src, int n, LumaImage& dst) {
    n = static_cast<int>(std::bit_floor(static_cast<unsigned>(std::clamp(n, 1, 128))));
    const int shift = std::countr_zero(static_cast<unsigned>(n));
    const int h = src.height / n;
    const int w = src.width;
    dst.resize(w, h);
    constexpr int kChunk = 16;
    for (int y = 0; y < h; ++y) {
        std::uint8_t* out = dst.pixels.data() + static_cast<std::ptrdiff_t>(y) * w;
        int x = 0;
        // 16 columns at a time through local arrays: g++ -O2 vectorizes only loops with a
        // constant trip count and nothing that may alias (see binarizer.cpp).
        for (; x + kChunk <= w; x += kChunk) {
            std::uint16_t acc[kChunk] = {};
            for (int k = 0; k < n; ++k) {
                std::uint8_t v[kChunk];
                std::memcpy(v, src.row(y * n + k) + x, kChunk);
                for (int i = 0; i < kChunk; ++i) acc[i] = static_cast<std::uint16_t>(acc[i] + v[i]);
            }
            std::uint8_t o[kChunk];
            for (int i = 0; i < kChunk; ++i) o[i] = static_cast<std::uint8_t>((acc[i] + (n >> 1)) >> shift);
            std::memcpy(out + x, o, kChunk);
        }
        for (; x < w; ++x) {
            unsigned s = 0;
            for (int k = 0; k < n; ++k) s += src.row(y * n + k)[x];
            out[x] = static_cast<std::uint8_t>((s + static_cast<unsigned>(n >> 1)) >> shift);
        }
    }
}

void averageColumnsInto(ImageView src, int n, LumaImage& dst) {
    n = static_cast<int>(std::bit_floor(static_cast<unsigned>(std::clamp(n, 1, 128))));
    const int shift = std::countr_zero(static_cast<unsigned>(n));
    const int w = src.width / n;
    dst.resize(w, src.height);
    for (int y = 0; y < src.height; ++y) {
        const std::uint8_t* r = src.row(y);
        std::uint8_t* out = dst.pixels.data() + static_cast<std::ptrdiff_t>(y) * w;
        for (int x = 0; x < w; ++x) {
            unsigned s = 0;
            for (int k = 0; k < n; ++k) s += r[x * n + k];
            out[x] = static_cast<std::uint8_t>((s + static_cast<unsigned>(n >> 1)) >> shift);
        }
    }
}

void normalizeLocalContrastInto(ImageView src, int blockSize, LumaImage& dst) {
    if (!src.valid()) {
        dst.resize(0, 0);
        return;
    }
    const int b = std::max(4, blockSize);
    const int w = src.width;
    const int h = src.height;
    const int bw = (w + b - 1) / b;
    const int bh = (h + b - 1) / b;
    const auto blocks = static_cast<std::size_t>(bw) * static_cast<std::size_t>(bh);
    // Block sums, then mean and spread smoothed over 3x3 blocks.
    std::vector<double> sum(blocks, 0), squares(blocks, 0), count(blocks, 0);
    for (int y = 0; y < h; ++y) {
        const std::uint8_t* r = src.row(y);
        const std::size_t base = static_cast<std::size_t>(y / b) * static_cast<std::size_t>(bw);
        for (int x = 0; x < w; ++x) {
            const double p = r[x];
            const std::size_t i = base + static_cast<std::size_t>(x / b);
            sum[i] += p;
            squares[i] += p * p;
            count[i] += 1;
        }
    }
    std::vector<float> mean(blocks), spread(blocks);
    for (int by = 0; by < bh; ++by) {
        for (int bx = 0; bx < bw; ++bx) {
            double s = 0, q = 0, n = 0;
            for (int yy = std::max(0, by - 1); yy <= std::min(bh - 1, by + 1); ++yy) {
                for (int xx = std::max(0, bx - 1); xx <= std::min(bw - 1, bx + 1); ++xx) {
                    const std::size_t i = static_cast<std::size_t>(yy) * bw + xx;
                    s += sum[i];
                    q += squares[i];
                    n += count[i];
                }
            }
            const double m = s / n;
            const std::size_t i = static_cast<std::size_t>(by) * bw + bx;
            mean[i] = static_cast<float>(m);
            spread[i] = static_cast<float>(std::sqrt(std::max(0.0, q / n - m * m)));
        }
    }
    // Bilinear between block centres.
    dst.resize(w, h);
    for (int y = 0; y < h; ++y) {
        const float fy = std::clamp((static_cast<float>(y) + 0.5f) / static_cast<float>(b) - 0.5f, 0.0f, static_cast<float>(bh - 1));
        const int y0 = static_cast<int>(fy);
        const int y1 = std::min(bh - 1, y0 + 1);
        const float ty = fy - static_cast<float>(y0);
        const std::uint8_t* r = src.row(y);
        std::uint8_t* out = dst.pixels.data() + static_cast<std::ptrdiff_t>(y) * w;
        for (int x = 0; x < w; ++x) {
            const float fx = std::clamp((static_cast<float>(x) + 0.5f) / static_cast<float>(b) - 0.5f, 0.0f, static_cast<float>(bw - 1));
            const int x0 = static_cast<int>(fx);
            const int x1 = std::min(bw - 1, x0 + 1);
            const float tx = fx - static_cast<float>(x0);
            auto lerp = [&](const std::vector<float>& g) {
                const float top = g[static_cast<std::size_t>(y0) * bw + x0] * (1 - tx) + g[static_cast<std::size_t>(y0) * bw + x1] * tx;
                const float bottom = g[static_cast<std::size_t>(y1) * bw + x0] * (1 - tx) + g[static_cast<std::size_t>(y1) * bw + x1] * tx;
                return top * (1 - ty) + bottom * ty;
            };
            const float v = 128.0f + 64.0f * (static_cast<float>(r[x]) - lerp(mean)) / (lerp(spread) + 8.0f);
            out[x] = static_cast<std::uint8_t>(std::clamp(std::lround(v), 0L, 255L));
        }
    }
}

}  // namespace kiosk::core
