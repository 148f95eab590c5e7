#include "kiosk/core/scan/binarizer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace kiosk::core {

namespace {

/// Pixels per chunk in the per-pixel loops. g++ -O2 vectorizes only loops that need neither a
/// scalar remainder nor a runtime aliasing check ("very cheap" cost model), so the loops work on
/// 16 pixels copied into a local array: a constant trip count, and nothing to alias.
constexpr int kChunk = 16;

/// out[i] = in[i] > t ? light : dark, for one chunk.
inline void thresholdChunk(const std::uint8_t* in, std::uint8_t t, std::uint8_t* out) {
    std::uint8_t v[kChunk];
    std::memcpy(v, in, kChunk);
    for (int i = 0; i < kChunk; ++i) v[i] = v[i] > t ? kBinaryLight : kBinaryDark;
    std::memcpy(out, v, kChunk);
}

/// out[i] = in[i] == light ? dark : light, for one chunk.
inline void invertChunk(const std::uint8_t* in, std::uint8_t* out) {
    std::uint8_t v[kChunk];
    std::memcpy(v, in, kChunk);
    for (int i = 0; i < kChunk; ++i) v[i] = v[i] == kBinaryLight ? kBinaryDark : kBinaryLight;
    std::memcpy(out, v, kChunk);
}

}  // namespace

void binarizeInto(ImageView src, const BinarizerOptions& options, LumaImage& dst, std::vector<std::int32_t>& scratch) {
    if (!src.valid()) {
        dst.resize(0, 0);
        return;
    }
    const int w = src.width;
    const int h = src.height;
    const int b = std::max(4, options.blockSize);
    const int bw = (w + b - 1) / b;
    const int bh = (h + b - 1) / b;
    const auto blocks = static_cast<std::size_t>(bw) * static_cast<std::size_t>(bh);
    // scratch: sum, sum of squares, samples, threshold (or -1: flat), per block.
    scratch.assign(blocks * 4, 0);
    std::int32_t* sum = scratch.data();
    std::int32_t* squares = sum + blocks;
    std::int32_t* count = squares + blocks;
    std::int32_t* threshold = count + blocks;

    // Statistics on every other pixel of every other row: a quarter of the reads, and plenty of
    // samples (64 per 16x16 block) for a mean and a spread.
    for (int y = 0; y < h; y += 2) {
        const std::uint8_t* row = src.row(y);
        const std::size_t base = static_cast<std::size_t>(y / b) * static_cast<std::size_t>(bw);
        for (int bx = 0; bx < bw; ++bx) {
            const int x1 = std::min(w, (bx + 1) * b);
            std::int32_t s = 0;
            std::int32_t q = 0;
            std::int32_t n = 0;
            for (int x = bx * b; x < x1; x += 2) {
                const std::int32_t p = row[x];
                s += p;
                q += p * p;
                ++n;
            }
            sum[base + static_cast<std::size_t>(bx)] += s;
            squares[base + static_cast<std::size_t>(bx)] += q;
            count[base + static_cast<std::size_t>(bx)] += n;
        }
    }
    // A block is active when its spread is more than noise; a neighbourhood with no active block
    // is flat. sum[] becomes the block mean, squares[] the active flag.
    const double minSpread = std::max(options.minSpread, options.flatNoiseFactor * options.noiseSigma);
    const double minVariance = minSpread * minSpread;
    for (std::size_t i = 0; i < blocks; ++i) {
        const double n = std::max(1, count[i]);
        const double mean = sum[i] / n;
        const double variance = squares[i] / n - mean * mean;
        sum[i] = static_cast<std::int32_t>(std::lround(mean));
        squares[i] = variance >= minVariance ? 1 : 0;
    }
    for (int by = 0; by < bh; ++by) {
        for (int bx = 0; bx < bw; ++bx) {
            bool active = false;
            for (int dy = -1; dy <= 1 && !active; ++dy) {
                const int yy = by + dy;
                if (yy < 0 || yy >= bh) continue;
                for (int dx = -1; dx <= 1; ++dx) {
                    const int xx = bx + dx;
                    if (xx >= 0 && xx < bw && squares[static_cast<std::size_t>(yy) * bw + xx] != 0) {
                        active = true;
                        break;
                    }
                }
            }
            std::int32_t t = -1;
            if (active) {
                std::int32_t s = 0;
                std::int32_t n = 0;
                for (int yy = std::max(0, by - 2); yy <= std::min(bh - 1, by + 2); ++yy) {
                    for (int xx = std::max(0, bx - 2); xx <= std::min(bw - 1, bx + 2); ++xx) {
                        s += sum[static_cast<std::size_t>(yy) * bw + xx];
                        ++n;
                    }
                }
                t = s / n;
            }
            threshold[static_cast<std::size_t>(by) * bw + bx] = t;
        }
    }

    // Per pixel: one uint8 compare against the block's threshold, 16 pixels at a time.
    dst.resize(w, h);
    for (int y = 0; y < h; ++y) {
        const std::int32_t* tr = threshold + static_cast<std::size_t>(y / b) * bw;
        const std::uint8_t* in = src.row(y);
        std::uint8_t* out = dst.pixels.data() + static_cast<std::ptrdiff_t>(y) * w;
        for (int bx = 0; bx < bw; ++bx) {
            const int x0 = bx * b;
            const int x1 = std::min(w, x0 + b);
            if (tr[bx] < 0) {
                std::memset(out + x0, kBinaryFlat, static_cast<std::size_t>(x1 - x0));
                continue;
            }
            const auto t = static_cast<std::uint8_t>(std::min(255, tr[bx]));
            int x = x0;
            for (; x + kChunk <= x1; x += kChunk) thresholdChunk(in + x, t, out + x);
            for (; x < x1; ++x) out[x] = in[x] > t ? kBinaryLight : kBinaryDark;
        }
    }
}

void invertBinaryInto(ImageView binary, LumaImage& dst) {
    dst.resize(binary.width, binary.height);
    for (int y = 0; y < binary.height; ++y) {
        const std::uint8_t* in = binary.row(y);
        std::uint8_t* out = dst.pixels.data() + static_cast<std::ptrdiff_t>(y) * binary.width;
        int x = 0;
        for (; x + kChunk <= binary.width; x += kChunk) invertChunk(in + x, out + x);
        for (; x < binary.width; ++x) out[x] = in[x] == kBinaryLight ? kBinaryDark : kBinaryLight;
    }
}

namespace {

/// True when five consecutive runs have the proportions of a finder pattern's cross-section.
bool looksLikeFinder(const std::array<int, 5>& runs, double minModule) {
    const int total = runs[0] + runs[1] + runs[2] + runs[3] + runs[4];
    if (total < 7.0 * minModule) return false;
    const double module = total / 7.0;
    const double slack = module * 0.6;
    for (int i : {0, 1, 3, 4}) {
        if (std::abs(runs[static_cast<std::size_t>(i)] - module) > slack) return false;
    }
    return std::abs(runs[2] - 3 * module) <= 2 * slack;
}

/// True when the chunk at `p` is all dark (`dark`) or all light: the run goes on past it.
inline bool uniformChunk(const std::uint8_t* p, bool dark) {
    std::uint8_t v[kChunk];
    std::memcpy(v, p, kChunk);
    std::uint8_t lo = 255;
    std::uint8_t hi = 0;
    for (int i = 0; i < kChunk; ++i) {
        lo = std::min(lo, v[i]);
        hi = std::max(hi, v[i]);
    }
    return dark ? hi == kBinaryDark : lo != kBinaryDark;
}

/// The column through a row hit must show the same proportions (ZXing's cross-check): text and
/// noise that pass on one row rarely pass across it.
bool crossCheckColumn(ImageView binary, int x, int y, bool centreDark, int rowTotal, double minModule) {
    auto isCentre = [&](int yy) { return (binary.row(yy)[x] == kBinaryDark) == centreDark; };
    if (!isCentre(y)) return false;
    const int limit = rowTotal * 2;
    std::array<int, 5> runs{};
    // Centre run, both ways.
    int up = y;
    while (up > 0 && isCentre(up - 1) && y - up < limit) --up;
    int down = y;
    while (down + 1 < binary.height && isCentre(down + 1) && down - y < limit) ++down;
    runs[2] = down - up + 1;
    // Inner ring (the other colour), then the outer ring (the centre's colour), each way.
    int a = up - 1;
    while (a >= 0 && !isCentre(a) && up - a < limit) --a;
    runs[1] = up - 1 - a;
    int b = a;
    while (b >= 0 && isCentre(b) && a - b < limit) --b;
    runs[0] = a - b;
    int c = down + 1;
    while (c < binary.height && !isCentre(c) && c - down < limit) ++c;
    runs[3] = c - down - 1;
    int d = c;
    while (d < binary.height && isCentre(d) && d - c < limit) ++d;
    runs[4] = d - c;
    if (runs[0] == 0 || runs[1] == 0 || runs[3] == 0 || runs[4] == 0) return false;
    const int total = runs[0] + runs[1] + runs[2] + runs[3] + runs[4];
    return looksLikeFinder(runs, minModule) && std::abs(total - rowTotal) * 2 <= rowTotal;
}

/// A finder pattern already counted.
struct FoundFinder {
    float x = 0;
    float y = 0;
    float size = 0;
    bool dark = true;
};

}  // namespace

FinderCensus scanFinderPatterns(ImageView binary, int rowStep, double minModule) {
    FinderCensus census;
    if (!binary.valid()) return census;
    rowStep = std::max(1, rowStep);
    std::vector<FoundFinder> found;
    const int w = binary.width;
    for (int y = rowStep / 2; y < binary.height; y += rowStep) {
        const std::uint8_t* row = binary.row(y);
        std::array<int, 5> runs{};  // the last five complete runs, oldest first
        int complete = 0;
        int start = 0;
        bool dark = row[0] == kBinaryDark;
        int x = 1;
        while (x <= w) {
            if (x + kChunk <= w && uniformChunk(row + x, dark)) {
                x += kChunk;
                continue;
            }
            const bool d = x < w && row[x] == kBinaryDark;
            if (x < w && d == dark) {
                ++x;
                continue;
            }
            std::rotate(runs.begin(), runs.begin() + 1, runs.end());
            runs[4] = x - start;
            ++complete;
            // Runs alternate, so runs[2] has the colour of the run just closed.
            if (complete >= 5 && looksLikeFinder(runs, minModule)) {
                const int total = runs[0] + runs[1] + runs[2] + runs[3] + runs[4];
                const float centre = static_cast<float>(x - runs[4] - runs[3]) - static_cast<float>(runs[2]) / 2.0f;
                const bool seen = std::any_of(found.begin(), found.end(), [&](const FoundFinder& f) {
                    return f.dark == dark && std::abs(f.x - centre) < f.size / 2 && std::abs(f.y - static_cast<float>(y)) < f.size / 2;
                });
                if (!seen && crossCheckColumn(binary, static_cast<int>(centre), y, dark, total, minModule)) {
                    found.push_back({centre, static_cast<float>(y), static_cast<float>(total), dark});
                    ++(dark ? census.darkOnLight : census.lightOnDark);
                }
            }
            start = x;
            dark = d;
            ++x;
        }
    }
    return census;
}

}  // namespace kiosk::core
