#pragma once
// ESC/POS parser for the subset the kiosk sends (and a few harmless extras): it rebuilds what a
// printer would print, rasters and native QR codes, from a byte stream. Used by the virtual printer
// (kiosk-vprinter) and the round-trip tests. Streams arrive in arbitrary chunks, so the parser is
// incremental; every size is bounded, and anything it does not understand is rejected with the
// byte offset, never guessed at.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kiosk/core/common/result.hpp"
#include "kiosk/core/escpos/escpos_encoder.hpp"
#include "kiosk/core/slip/raster.hpp"

namespace kiosk::core::escpos {

/// What was printed between two cuts.
struct ParsedPage {
    slip::Raster image;                   ///< bands, feeds and native QR codes stacked top to bottom
    std::vector<std::string> qrPayloads;  ///< payloads of native QR codes (GS ( k) printed on this page
    int rasterBands = 0;
    CutMode cut = CutMode::None;          ///< None when the stream ended without a cut
};

/// Something the host must react to at once (status requests need a reply) or may count.
struct ParserEvent {
    enum class Kind { StatusRequest, PageDone, Beep, DrawerKick, Init };
    Kind kind;
    int n = 0;  ///< DLE EOT n for StatusRequest
};

/// Bounds that keep a hostile stream from eating memory.
struct ParserLimits {
    int maxWidthDots = 2048;
    int maxBandRows = 4096;
    int maxPageRows = 40000;  ///< ~5 m of paper
};

class EscPosParser {
public:
    explicit EscPosParser(ParserLimits limits = {}) : m_limits(limits) {}

    /// Consumes the next chunk of the stream.
    /// @return the events of every command completed by this chunk, or the first error (with the
    ///         stream offset); after an error the parser refuses further input.
    Result<std::vector<ParserEvent>> feed(std::span<const std::uint8_t> chunk);

    /// Marks the end of the stream.
    /// @return an error when the stream stopped inside a command (a half-written job).
    Result<void> finish();

    /// Pages completed by a cut since the last call.
    std::vector<ParsedPage> takePages();
    /// The page in progress (printed but not cut yet), if anything was printed; resets it.
    std::optional<ParsedPage> takeUncutPage();
    /// Bytes consumed so far.
    [[nodiscard]] std::size_t offset() const { return m_offset; }

private:
    enum class Step { Done, NeedMore };
    Result<Step> parseOne(std::vector<ParserEvent>& events);
    Result<void> appendBand(int widthBytes, int rows, const std::uint8_t* data);
    Result<void> appendWhite(int rows);
    Result<void> printNativeQr();
    Result<void> growPage(int width, int extraRows);
    Error errorAt(const std::string& what) const;

    ParserLimits m_limits;
    std::vector<std::uint8_t> m_buffer;  // unconsumed bytes; m_pos is the next one
    std::size_t m_pos = 0;
    std::size_t m_offset = 0;  // stream offset of m_buffer[m_pos]
    std::optional<Error> m_failed;
    ParsedPage m_page;
    bool m_pageUsed = false;
    std::vector<ParsedPage> m_done;
    int m_align = 0;  // ESC a: 0 left, 1 centre, 2 right (positions native QR codes)
    int m_lineSpacing = 30;
    int m_qrModule = 3;
    std::string m_qrData;
};

/// A whole stream at once.
struct ParsedJob {
    std::vector<ParsedPage> pages;  ///< cut pages, then an uncut remainder if something was printed
    std::vector<int> statusRequests;
    int beeps = 0;
    int drawerKicks = 0;
    int inits = 0;
};

/// Parses a complete ESC/POS stream.
/// @return the pages, or an error for garbage or a stream that stops inside a command.
Result<ParsedJob> parseEscPos(std::span<const std::uint8_t> bytes, ParserLimits limits = {});

}  // namespace kiosk::core::escpos
