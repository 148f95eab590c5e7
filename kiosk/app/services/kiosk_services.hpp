#pragma once
// KioskServices: the workers behind the kiosk screen, built on the devices the composition root made
// (kiosk/app/composition/devices.hpp): dossier lookups (backend, a test build's fixture, or none), rating
// delivery, status- and guidance-slip printing, the guidance catalog (bundled, then the backend's) and
// the scanning path (camera, hardware scanners, keyboard-wedge bursts).
//
// The UI thread calls in with the flow's commands and never waits: every call queues work for a
// worker and returns. Results come back as core flow events through `PostEvent`, which the app
// binds to its MainThreadQueue, so only the UI thread ever steps the flow.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "kiosk/app/composition/devices.hpp"
#include "kiosk/app/services/health_board.hpp"
#include "kiosk/app/services/lookup_service.hpp"
#include "kiosk/app/services/operations.hpp"
#include "kiosk/app/services/print_service.hpp"
#include "kiosk/app/services/scan_service.hpp"
#include "kiosk/app/services/slip_jobs.hpp"
#include "kiosk/app/services/speech_service.hpp"
#include "kiosk/app/services/task_worker.hpp"
#include "kiosk/core/config/settings.hpp"
#include "kiosk/core/flow/flow.hpp"
#include "kiosk/core/guidance/guidance_library.hpp"

namespace kiosk::app {

/// This kiosk's ID for the backend (ratings, heartbeats, enrolment) and the staff device page:
/// operations.kiosk_id, or the host name while it is empty.
std::string kioskIdOf(const core::Settings& settings);

/// Where lookups go. Implementations answer on a worker thread (or at once), at most once per
/// start(): a lookup that was cancelled or replaced answers Cancelled or not at all, and a late
/// answer that still arrives is dropped by the flow (request ids).
class DossierLookup {
public:
    using Done = std::function<void(LookupResult)>;
    virtual ~DossierLookup() = default;
    /// Starts looking up `target` (a dossier code, or a receipt token the backend resolves first).
    virtual void start(LookupTarget target, Done done) = 0;
    /// Abandons the lookup in flight, if any.
    virtual void cancel() = 0;
};

class KioskServices {
public:
    /// Thread-safe: hands a flow event to the UI thread.
    using PostEvent = std::function<void(core::Event)>;
    /// Thread-safe: a guidance library is ready for the screens (called from the catalog worker).
    using LibraryReady = std::function<void(std::shared_ptr<const core::guidance::GuidanceLibrary>)>;

    /// Builds the services on `devices` (taken over). Nothing here blocks on a device: cameras, scanners
    /// and printers open on their own threads and report problems in their status.
    /// @param settings       loaded settings (copied)
    /// @param devices        from buildDevices(settings)
    /// @param post           thread-safe: queues a flow event for the UI thread
    /// @param wake           thread-safe: wakes the frame loop (a new camera preview is ready)
    /// @param lookupOverride a test build's fixture lookup in place of the backend (null: the backend)
    KioskServices(const core::Settings& settings, Devices devices, PostEvent post, std::function<void()> wake,
                  std::unique_ptr<DossierLookup> lookupOverride = nullptr);
    ~KioskServices();  ///< stops and joins every worker
    KioskServices(const KioskServices&) = delete;
    KioskServices& operator=(const KioskServices&) = delete;

    // -- flow commands (UI thread; none waits)
    void startLookup(std::uint64_t requestId, const core::ReceiptReading& reading);
    void cancelLookup();
    void sendRating(const core::command::SendRating& rating);
    /// Renders the slip (SlipMaker, translated) on a worker and queues it on the printer;
    /// PrintFinished follows.
    void printStatusSlip(const core::Dossier& dossier, core::Language language);
    /// The guidance slip of `entry` (a copy: the catalog may be replaced meanwhile), like
    /// printStatusSlip; PrintFinished follows.
    void printGuidanceSlip(const core::guidance::GuidanceEntry& entry, core::Language language);
    /// The session ended: the same receipt may be scanned again at once, and nothing is read aloud.
    void wipeSession();

    // -- guidance catalog
    /// Starts the catalog worker (call once): it loads the bundled catalog at `bundled` (the document
    /// or its folder), logs every issue (broken entries are left out), indexes it and hands it to
    /// `ready`; then, with a backend configured, fetches the backend's catalog once (no ETag, no disk
    /// cache) and hands that over too when chooseCatalog prefers it. `ready` is not called when the
    /// bundled catalog is unusable or empty (the guide stays hidden) and the backend has none better.
    void loadGuidance(std::filesystem::path bundled, LibraryReady ready);

    // -- scanning
    /// A keyboard-wedge burst (UI thread): read, deduped and posted like any other scan.
    void submitWedgeScan(const std::string& raw, std::chrono::steady_clock::time_point arrival);
    /// Copies the newest camera preview into `out` when it is newer. @return true when it changed
    bool latestPreview(PreviewFrame& out) const;
    [[nodiscard]] std::optional<DetectionOutline> lastDetection() const;
    /// A camera is configured (it may still be missing or failing).
    [[nodiscard]] bool cameraConfigured() const { return m_cameraConfigured; }
    /// A camera is configured and starting or delivering frames (missing or failed: the attract
    /// screen says the camera is off and points to the keypad).
    [[nodiscard]] bool cameraWorking() const;
    /// The decoder's figures (frames decoded, scans reported).
    [[nodiscard]] ScanStats scanStats() const;

    // -- printing
    [[nodiscard]] bool printerConfigured() const { return m_print != nullptr; }
    /// The printer's last status says it cannot print (the Result screen hides Print).
    [[nodiscard]] bool printerKnownUnavailable() const;
    /// Asks the printer for its status on the print worker (a Result screen opened: paper may have
    /// been refilled since the last failure). Does nothing without a printer.
    void refreshPrinterStatus();
    /// Staff's test page (kiosk/core/slip/test_page.hpp), rendered on the task worker; PrintFinished follows.
    void printTestPage();

    // -- health
    /// What the services recorded and the devices report now (staff page, heartbeat, metrics).
    [[nodiscard]] HealthSnapshot health() const;
    /// Where workers record what happens; readers should prefer health().
    [[nodiscard]] HealthBoard& healthBoard() { return m_health; }
    // -- the office's time zone (office.time_zone): the screen's clock and dates use it too
    [[nodiscard]] const core::TimeZone& timeZone() const { return m_zone; }
    /// Now, at the office's zone.
    [[nodiscard]] core::ZonedTime officeNow() const;

    // -- spoken status (audio.enabled)
    [[nodiscard]] bool speechEnabled() const { return m_speech != nullptr; }
    /// Reads `text` aloud on the speech worker (UI thread; returns at once). Nothing when disabled.
    void speak(std::string text, core::Language language);
    void stopSpeaking();
    [[nodiscard]] bool speaking() const;

    /// Hands back a test build's lookup (the services are being rebuilt from new settings); null in the product.
    std::unique_ptr<DossierLookup> releaseLookupOverride();

    /// Unique per process start: prefixes rating idempotency keys (FlowConfig::instanceId).
    [[nodiscard]] const std::string& instanceId() const { return m_instanceId; }

    // -- operations (docs/operations.md)
    /// Starts the heartbeats and the metrics file once the kiosk is up (UI thread, after the first frame).
    /// @param frames the frame-time histogram (the shell's FramePacer); must outlive the services
    void startReporting(const FrameTimes& frames);
    /// A clean stop within `budget` (SIGTERM, SIGINT, a requested quit): no new scans; queued ratings are
    /// committed to the outbox and queued slips printed while the budget lasts (what is left is logged as
    /// dropped); heartbeats and delivery stop, the metrics file is written a last time. UI thread; the
    /// services take no more commands afterwards.
    void shutdown(std::chrono::milliseconds budget);

private:
    void buildScanning(Devices& devices);
    void buildPrinting(std::unique_ptr<platform::Printer> printer);
    void buildBackend(std::unique_ptr<DossierLookup> lookupOverride);
    void buildSpeech(Devices& devices);
    void runGuidanceLoad(const std::filesystem::path& bundled, const LibraryReady& ready);
    bool ensureSlipMaker();  // on m_tasks only

    core::Settings m_settings;
    PostEvent m_post;
    std::function<void()> m_wake;
    std::string m_instanceId;
    bool m_cameraConfigured = false;
    bool m_lookupOverridden = false;  // m_lookup is a test build's fixture
    HealthBoard m_health;
    core::TimeZone m_zone;                              // office.time_zone, resolved at construction

    std::unique_ptr<platform::HttpClient> m_http;       // before the client that uses it
    std::unique_ptr<BackendClient> m_backend;           // null: no backend configured
    std::unique_ptr<Operations> m_operations;           // the outbox (ratings, heartbeats) and the metrics file
    std::unique_ptr<DossierLookup> m_lookup;
    std::unique_ptr<PrintService> m_print;               // null: no printer configured
    std::optional<SlipMaker> m_slips;                    // made by m_tasks on the first print; used by it only
    std::unique_ptr<ScanService> m_scan;
    std::unique_ptr<TaskWorker> m_tasks;                // ratings and slip rendering; stopped first
    std::unique_ptr<SpeechService> m_speech;            // null: audio.enabled is off
    std::atomic<bool> m_catalogCancel{false};           // set by the destructor: abandon the fetch
    std::jthread m_catalogThread;                       // loadGuidance's worker; joined before the backend goes
};

}  // namespace kiosk::app
