#pragma once
// ESC/POS byte stream builder. The kiosk prints slips as raster images (GS v 0) because printers'
// Vietnamese code pages are unreliable; a printer-native QR (GS ( k) is offered for printers whose
// own QR prints sharper than a rasterised one.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "kiosk/core/common/result.hpp"
#include "kiosk/core/slip/raster.hpp"
#include "kiosk/core/slip/slip_renderer.hpp"

namespace kiosk::core::escpos {

enum class CutMode { None, Full, Partial };

/// Appends ESC/POS commands to a byte buffer. Each call is one command; bytes() is the job.
class EscPosEncoder {
public:
    /// ESC @: reset the printer to its defaults.
    EscPosEncoder& init();
    /// GS v 0 in horizontal bands of `bandRows` rows (clamped to 24..255): small bands keep each
    /// command inside printers' receive buffers and let a job be cut short cleanly.
    EscPosEncoder& raster(const slip::Raster& image, int bandRows = 128);
    /// ESC J n: feed `dots` dots (split into several commands past 255).
    EscPosEncoder& feedDots(int dots);
    /// ESC d n: feed `lines` text lines (0..255).
    EscPosEncoder& feedLines(int lines);
    /// GS V: cut. Full = GS V 0 / Partial = GS V 1 (no feed: feed first with feedDots).
    EscPosEncoder& cut(CutMode mode);
    /// ESC B n t: beep `times` (1..9) for `durationUnits` x 50 ms (1..9).
    EscPosEncoder& beep(int times, int durationUnits);
    /// ESC p m t1 t2: drawer kick pulse on pin 2 (m = 0) or 5 (m = 1), on/off times in 2 ms units.
    EscPosEncoder& drawerKick(int pin, int onUnits, int offUnits);
    /// ESC a n: alignment of what follows (0 left, 1 centre, 2 right); used around native QR codes.
    EscPosEncoder& align(int n);
    /// GS ( k: native QR (model 2, `moduleDots` 1..16, ECC M), stores then prints `payload`.
    /// @return an error for an empty payload or one longer than 7089 bytes (the QR limit).
    Result<void> nativeQr(std::string_view payload, int moduleDots);

    [[nodiscard]] const std::vector<std::uint8_t>& bytes() const { return m_bytes; }
    std::vector<std::uint8_t> take() { return std::move(m_bytes); }

private:
    void put(std::initializer_list<int> values);
    std::vector<std::uint8_t> m_bytes;
};

/// How a rendered slip becomes a job.
struct JobOptions {
    int bandRows = 128;
    int feedDotsBeforeCut = 96;  ///< thermal heads sit ~12 mm above the cutter
    CutMode cut = CutMode::Partial;
    bool beep = false;
    bool drawerKick = false;
    /// Print QR codes with the printer's own QR command (GS ( k) instead of as raster, for
    /// printers whose native QR is sharper. Only encodeSlipJob uses it (it knows where the QR is).
    bool nativeQr = false;
    int nativeQrModuleDots = 5;
};

/// A whole job: init, the raster in bands, feed, cut, and optional beep/drawer kick.
std::vector<std::uint8_t> encodeJob(const slip::Raster& image, const JobOptions& options = {});

/// A rendered slip as a job. With `nativeQr`, the raster rows of each QR code are left out and a
/// centred GS ( k QR with the same payload is printed in their place; otherwise same as encodeJob.
std::vector<std::uint8_t> encodeSlipJob(const slip::RenderedSlip& slip, const JobOptions& options = {});

}  // namespace kiosk::core::escpos
