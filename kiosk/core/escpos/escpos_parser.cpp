#include "kiosk/core/escpos/escpos_parser.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "kiosk/core/slip/qr_image.hpp"

namespace kiosk::core::escpos {

namespace {
constexpr std::uint8_t LF = 0x0A;
constexpr std::uint8_t CR = 0x0D;
constexpr std::uint8_t DLE = 0x10;
constexpr std::uint8_t ESC = 0x1B;
constexpr std::uint8_t GS = 0x1D;

std::string hex(std::uint8_t b) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", b);
    return buf;
}
}  // namespace

Error EscPosParser::errorAt(const std::string& what) const {
    return Error{ErrorKind::Parse, "ESC/POS: " + what + " at byte " + std::to_string(m_offset)};
}

Result<std::vector<ParserEvent>> EscPosParser::feed(std::span<const std::uint8_t> chunk) {
    if (m_failed) {
        return std::unexpected(*m_failed);
    }
    // Drop consumed bytes before appending, so the buffer never holds more than one command.
    m_buffer.erase(m_buffer.begin(), m_buffer.begin() + static_cast<std::ptrdiff_t>(m_pos));
    m_pos = 0;
    m_buffer.insert(m_buffer.end(), chunk.begin(), chunk.end());
    std::vector<ParserEvent> events;
    while (m_pos < m_buffer.size()) {
        auto step = parseOne(events);
        if (!step) {
            m_failed = step.error();
            return std::unexpected(step.error());
        }
        if (*step == Step::NeedMore) {
            break;
        }
    }
    return events;
}

Result<void> EscPosParser::finish() {
    if (m_failed) {
        return std::unexpected(*m_failed);
    }
    if (m_pos < m_buffer.size()) {
        const auto left = m_buffer.size() - m_pos;
        m_failed = errorAt("stream ended inside a command (" + hex(m_buffer[m_pos]) + ", " + std::to_string(left) +
                           " bytes of it received): the job was cut short");
        return std::unexpected(*m_failed);
    }
    return {};
}

std::vector<ParsedPage> EscPosParser::takePages() {
    return std::exchange(m_done, {});
}

std::optional<ParsedPage> EscPosParser::takeUncutPage() {
    if (!m_pageUsed) {
        return std::nullopt;
    }
    m_pageUsed = false;
    return std::exchange(m_page, {});
}

Result<void> EscPosParser::growPage(int width, int extraRows) {
    auto& img = m_page.image;
    if (img.height + extraRows > m_limits.maxPageRows) {
        return std::unexpected(errorAt("page longer than " + std::to_string(m_limits.maxPageRows) + " rows"));
    }
    if (width > img.width) {
        slip::Raster wider = slip::Raster::blank(width, img.height);
        // Rows are byte-aligned, so a wider page copies row prefixes.
        for (int y = 0; y < img.height; ++y) {
            std::copy_n(img.bits.begin() + static_cast<std::ptrdiff_t>(y) * img.rowBytes(), img.rowBytes(),
                        wider.bits.begin() + static_cast<std::ptrdiff_t>(y) * wider.rowBytes());
        }
        img = std::move(wider);
    }
    img.resizeHeight(img.height + extraRows);
    m_pageUsed = true;
    return {};
}

Result<void> EscPosParser::appendBand(int widthBytes, int rows, const std::uint8_t* data) {
    const int top = m_page.image.height;
    if (auto ok = growPage(widthBytes * 8, rows); !ok) {
        return ok;
    }
    auto& img = m_page.image;
    for (int y = 0; y < rows; ++y) {
        std::copy_n(data + static_cast<std::ptrdiff_t>(y) * widthBytes, widthBytes,
                    img.bits.begin() + static_cast<std::ptrdiff_t>(top + y) * img.rowBytes());
    }
    ++m_page.rasterBands;
    return {};
}

Result<void> EscPosParser::appendWhite(int rows) {
    return growPage(0, rows);
}

Result<void> EscPosParser::printNativeQr() {
    if (m_qrData.empty()) {
        return std::unexpected(errorAt("GS ( k print QR with no data stored"));
    }
    auto qr = slip::renderQr(m_qrData, m_qrModule);
    if (!qr) {
        return std::unexpected(errorAt("native QR cannot be drawn: " + qr.error().message));
    }
    if (qr->width > m_limits.maxWidthDots) {
        return std::unexpected(errorAt("native QR is " + std::to_string(qr->width) + " dots wide, wider than the paper"));
    }
    const int pageWidth = std::max(m_page.image.width, qr->width);
    const int top = m_page.image.height;
    if (auto ok = growPage(pageWidth, qr->height); !ok) {
        return ok;
    }
    int x = 0;
    if (m_align == 1) {
        x = (m_page.image.width - qr->width) / 2;
    } else if (m_align == 2) {
        x = m_page.image.width - qr->width;
    }
    m_page.image.blit(*qr, x, top);
    m_page.qrPayloads.push_back(m_qrData);
    return {};
}

Result<EscPosParser::Step> EscPosParser::parseOne(std::vector<ParserEvent>& events) {
    const std::size_t avail = m_buffer.size() - m_pos;
    const std::uint8_t* p = m_buffer.data() + m_pos;
    const auto need = [&](std::size_t n) { return avail >= n; };
    std::size_t used = 0;

    switch (p[0]) {
        case LF:
            if (auto ok = appendWhite(m_lineSpacing); !ok) {
                return std::unexpected(ok.error());
            }
            used = 1;
            break;
        case CR:
            used = 1;
            break;
        case DLE:
            if (!need(3)) {
                return Step::NeedMore;
            }
            if (p[1] != 0x04 || p[2] < 1 || p[2] > 4) {
                return std::unexpected(errorAt("unsupported DLE command " + hex(p[1]) + " " + hex(p[2])));
            }
            events.push_back({ParserEvent::Kind::StatusRequest, p[2]});
            used = 3;
            break;
        case ESC: {
            if (!need(2)) {
                return Step::NeedMore;
            }
            switch (p[1]) {
                case '@':
                    m_align = 0;
                    m_lineSpacing = 30;
                    events.push_back({ParserEvent::Kind::Init, 0});
                    used = 2;
                    break;
                case '2':
                    m_lineSpacing = 30;
                    used = 2;
                    break;
                case '3':
                case 'a':
                case 'J':
                case 'd':
                    if (!need(3)) {
                        return Step::NeedMore;
                    }
                    if (p[1] == '3') {
                        m_lineSpacing = p[2];
                    } else if (p[1] == 'a') {
                        m_align = (p[2] % 48) > 2 ? 0 : p[2] % 48;
                    } else {
                        const int rows = p[1] == 'J' ? p[2] : p[2] * m_lineSpacing;
                        if (auto ok = appendWhite(rows); !ok) {
                            return std::unexpected(ok.error());
                        }
                    }
                    used = 3;
                    break;
                case 'B':
                    if (!need(4)) {
                        return Step::NeedMore;
                    }
                    events.push_back({ParserEvent::Kind::Beep, p[2]});
                    used = 4;
                    break;
                case 'p':
                    if (!need(5)) {
                        return Step::NeedMore;
                    }
                    events.push_back({ParserEvent::Kind::DrawerKick, p[2]});
                    used = 5;
                    break;
                default:
                    return std::unexpected(errorAt("unsupported command ESC " + hex(p[1])));
            }
            break;
        }
        case GS: {
            if (!need(2)) {
                return Step::NeedMore;
            }
            if (p[1] == 'v') {
                if (!need(8)) {
                    return Step::NeedMore;
                }
                if (p[2] != '0' || (p[3] > 3 && (p[3] < 48 || p[3] > 51))) {
                    return std::unexpected(errorAt("malformed GS v 0 header"));
                }
                const int widthBytes = p[4] | (p[5] << 8);
                const int rows = p[6] | (p[7] << 8);
                if (widthBytes < 1 || widthBytes * 8 > m_limits.maxWidthDots || rows < 1 || rows > m_limits.maxBandRows) {
                    return std::unexpected(errorAt("GS v 0 size " + std::to_string(widthBytes * 8) + "x" +
                                                   std::to_string(rows) + " dots is out of range"));
                }
                const std::size_t total = 8 + static_cast<std::size_t>(widthBytes) * static_cast<std::size_t>(rows);
                if (!need(total)) {
                    return Step::NeedMore;
                }
                if (auto ok = appendBand(widthBytes, rows, p + 8); !ok) {
                    return std::unexpected(ok.error());
                }
                used = total;
            } else if (p[1] == 'V') {
                if (!need(3)) {
                    return Step::NeedMore;
                }
                CutMode mode = CutMode::None;
                if (p[2] == 0 || p[2] == 48) {
                    mode = CutMode::Full;
                    used = 3;
                } else if (p[2] == 1 || p[2] == 49) {
                    mode = CutMode::Partial;
                    used = 3;
                } else if (p[2] == 65 || p[2] == 66) {
                    if (!need(4)) {
                        return Step::NeedMore;
                    }
                    if (auto ok = appendWhite(p[3]); !ok) {
                        return std::unexpected(ok.error());
                    }
                    mode = p[2] == 65 ? CutMode::Full : CutMode::Partial;
                    used = 4;
                } else {
                    return std::unexpected(errorAt("unsupported cut mode GS V " + hex(p[2])));
                }
                m_page.cut = mode;
                m_done.push_back(std::exchange(m_page, {}));
                m_pageUsed = false;
                events.push_back({ParserEvent::Kind::PageDone, 0});
            } else if (p[1] == '(') {
                if (!need(5)) {
                    return Step::NeedMore;
                }
                if (p[2] != 'k') {
                    return std::unexpected(errorAt("unsupported command GS ( " + hex(p[2])));
                }
                const std::size_t len = p[3] | (p[4] << 8);
                if (len < 3 || len > 7089 + 3) {
                    return std::unexpected(errorAt("GS ( k length " + std::to_string(len) + " is out of range"));
                }
                if (!need(5 + len)) {
                    return Step::NeedMore;
                }
                const std::uint8_t cn = p[5];
                const std::uint8_t fn = p[6];
                if (cn != 49) {
                    return std::unexpected(errorAt("GS ( k symbol type " + hex(cn) + " is not QR"));
                }
                switch (fn) {
                    case 65:  // model
                    case 69:  // error correction level (we always draw level M)
                    case 82:  // transmit size: no reply needed for our purposes
                        break;
                    case 67:
                        if (p[7] < 1 || p[7] > 16) {
                            return std::unexpected(errorAt("QR module size " + std::to_string(p[7]) + " out of range"));
                        }
                        m_qrModule = p[7];
                        break;
                    case 80:
                        m_qrData.assign(reinterpret_cast<const char*>(p + 8), len - 3);
                        break;
                    case 81:
                        if (auto ok = printNativeQr(); !ok) {
                            return std::unexpected(ok.error());
                        }
                        break;
                    default:
                        return std::unexpected(errorAt("unsupported GS ( k QR function " + std::to_string(fn)));
                }
                used = 5 + len;
            } else {
                return std::unexpected(errorAt("unsupported command GS " + hex(p[1])));
            }
            break;
        }
        default:
            return std::unexpected(errorAt("unexpected byte " + hex(p[0]) +
                                           " (the kiosk prints text as raster images, not as characters)"));
    }
    m_pos += used;
    m_offset += used;
    return Step::Done;
}

Result<ParsedJob> parseEscPos(std::span<const std::uint8_t> bytes, ParserLimits limits) {
    EscPosParser parser(limits);
    auto events = parser.feed(bytes);
    if (!events) {
        return std::unexpected(events.error());
    }
    if (auto ok = parser.finish(); !ok) {
        return std::unexpected(ok.error());
    }
    ParsedJob job;
    for (const auto& e : *events) {
        switch (e.kind) {
            case ParserEvent::Kind::StatusRequest: job.statusRequests.push_back(e.n); break;
            case ParserEvent::Kind::Beep: ++job.beeps; break;
            case ParserEvent::Kind::DrawerKick: ++job.drawerKicks; break;
            case ParserEvent::Kind::Init: ++job.inits; break;
            case ParserEvent::Kind::PageDone: break;
        }
    }
    job.pages = parser.takePages();
    if (auto rest = parser.takeUncutPage()) {
        job.pages.push_back(std::move(*rest));
    }
    return job;
}

}  // namespace kiosk::core::escpos
