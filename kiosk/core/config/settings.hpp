#pragma once
// The kiosk's settings: one plain struct per TOML section, with the compiled-in defaults. These defaults
// are the bottom layer of the configuration (see config_loader.hpp and docs/configuration.md); every
// member maps to one key `section.key` (snake_case) documented in config/kiosk.example.toml.
//
// Members use camelCase; the TOML key of `backend.connectTimeoutMs` is `backend.connect_timeout_ms`.
// Durations carry their unit in the name (_ms, _s) because TOML has no duration type.

#include <cstdint>
#include <string>

#include "kiosk/core/config/setting_choices.hpp"
#include "kiosk/core/receipt/receipt.hpp"

namespace kiosk::core {

/// [office]: the office the kiosk stands in; shown on screens and printed on slips.
struct OfficeSettings {
    std::string name = "Bộ phận Tiếp nhận và Trả kết quả";
    std::string address;
    std::string helpLine;  ///< phone number of the office's help desk, printed on slips
    /// Public page where a citizen can follow a dossier on a phone; `{code}` is replaced by the code.
    std::string publicLookupUrl = "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma={code}";
    /// IANA time zone of the office: every date on screen, on slips and spoken is at this zone,
    /// whatever zone the machine is set to (platform/time_zone.hpp resolves it at start).
    std::string timeZone = "Asia/Ho_Chi_Minh";
};

/// [language]
struct LanguageSettings {
    Language defaultLanguage = Language::Vi;  ///< key `default`: "vi" or "en"; every session starts in it
};

/// [backend]: the dossier backend the kiosk asks (issue "Backend").
struct BackendSettings {
    std::string url;             ///< https base URL (http:// only to loopback, see allowInsecureHttp);
                                 ///< empty = not configured (lookups report offline)
    /// Accept plain http:// to a host other than loopback. The device token and dossier data then travel
    /// in clear text; the kiosk warns at every start.
    bool allowInsecureHttp = false;
    std::string tokenFile;       ///< file holding the device token; empty = no token sent
    std::string caBundle;        ///< PEM CA bundle; empty = the system store. Verification is always on.
    std::string pinnedPublicKey; ///< "sha256//BASE64" (libcurl CURLOPT_PINNEDPUBLICKEY); empty = no pin
    std::string clientCert;      ///< PEM client certificate for mutual TLS; empty = none
    std::string clientKey;       ///< PEM key of clientCert
    int connectTimeoutMs = 3000;
    int totalTimeoutMs = 8000;   ///< the citizen's whole wait for one lookup, retries and backoff included
    std::int64_t maxResponseBytes = std::int64_t{1024} * 1024;
    int retries = 2;             ///< extra attempts, idempotent requests only
    int retryBackoffMs = 300;    ///< first backoff; doubled per retry
};

/// [ui]: the citizen screens (issue "Citizen UI").
struct UiSettings {
    bool fullscreen = true;
    bool hideCursor = true;
    int touchTargetPx = 96;      ///< minimum touch target at 1080p; scaled with the screen height
    bool largeText = false;
    bool highContrast = false;
    int idleTimeoutS = 60;       ///< idle time before the warning overlay
    int idleWarningS = 15;       ///< countdown of the warning overlay before the reset
    bool showEnglishSwitch = true;
    /// Where the camera sits, for the attract screen's hint: "above" the screen, "below" it, or on a "stand".
    CameraPosition cameraPosition = CameraPosition::Above;
};

/// [audio]: the spoken status ("Nghe" button), synthesised with espeak-ng.
struct AudioSettings {
    bool enabled = false;        ///< off unless the office turns it on (a quiet lobby may not want it)
    int volume = 80;             ///< 0..100 (espeak-ng volume scale, 100 = its default loudness x1)
    int rateWpm = 150;           ///< speaking rate, words per minute (80..300); older listeners like it slow
};

/// [printer]: the thermal printer (issue "Printing").
struct PrinterSettings {
    /// "" = no printer; usb:/dev/usb/lp0, tcp://HOST:PORT, cups:QUEUE or file:PATH.
    std::string uri;
    int widthDots = 576;         ///< 384 (58 mm) or 576 (80 mm)
    bool printApplicantName = false;  ///< the masked name, only when true
    escpos::CutMode cut = escpos::CutMode::Partial;  ///< "full", "partial" or "none"
    int timeoutMs = 5000;
};

/// [camera]: the camera scanning path (issue "Scanning").
struct CameraSettings {
    CameraSource source = CameraSource::None;  ///< "none", "v4l2", "files" (images from filesPath) or "synthetic"
    std::string device = "/dev/video0";
    int width = 1280;
    int height = 720;
    int fps = 30;
    std::string filesPath;       ///< key `files_path`: folder or image file for source "files"
    int filesFps = 5;
    int filesSecondsPerImage = 3;  ///< key `files_seconds_per_image`: how long each image is shown
    bool filesLoop = true;         ///< key `files_loop`: start again after the last image
    bool preview = true;         ///< show the camera picture on the scanning screen
    /// Largest image decoded (width * height), from a file or `kiosk scan-image`; checked from the
    /// header before any pixel is decoded.
    std::int64_t maxImagePixels = 24'000'000;
    std::int64_t maxImageBytes = std::int64_t{64} * 1024 * 1024;  ///< largest image file read
};

/// [scanner]: USB/serial code scanners (issue "Scanning").
struct ScannerSettings {
    bool wedgeEnabled = true;        ///< keyboard-wedge scanners typing into the kiosk window
    int wedgeMaxInterkeyMs = 35;     ///< longest gap between keys of one scan burst
    int wedgeMinLength = 8;          ///< shorter bursts are treated as typing
    std::string evdevDevice;         ///< /dev/input/eventN read directly; empty = off
    bool evdevGrab = true;           ///< exclusive grab so scans never reach the UI
    std::string serialDevice;        ///< CDC-ACM tty, one code per line; empty = off
    int serialBaud = 9600;
    int dedupeSeconds = 5;           ///< the same code again within this time is not looked up again
};

/// [staff]: staff mode (PIN protected, docs/staff.md).
struct StaffSettings {
    /// File holding the argon2id hash of the staff PIN (written by `kiosk set-pin` or staff mode; only
    /// the kiosk's user may read it). Empty = `<operations.data_dir>/staff.pin`. No file = staff mode
    /// cannot be entered from the screen.
    std::string pinFile;
    int maxAttempts = 5;         ///< wrong PINs in a row before the lockout
    int lockoutS = 300;
    int idleTimeoutS = 120;      ///< staff mode closes itself after this long without a touch
    ScreenCorner gestureCorner = ScreenCorner::TopLeft;  ///< where the hidden taps open the PIN pad
    int gestureTaps = 5;         ///< taps in that corner ...
    int gestureWindowMs = 3000;  ///< ... within this time
    bool keyboardShortcut = true;  ///< Ctrl+Alt+P on a USB keyboard opens the PIN pad too
    std::string poweroffCommand = "systemctl poweroff";  ///< run by "Shut down"; empty = no button
    std::string rebootCommand = "systemctl reboot";      ///< run by "Restart the device"; empty = no button
    int auditMaxKb = 256;        ///< the audit log is cut to the newest half beyond this size
};

/// [provisioning]: setting up a new kiosk from a provisioning QR code (docs/staff.md).
struct ProvisioningSettings {
    /// Start on the setup screen (what is missing, scan a provisioning QR) while backend.url is empty.
    bool setupScreen = true;
};

/// [operations]: running a fleet (docs/operations.md).
struct OperationsSettings {
    int heartbeatIntervalS = 300;
    /// This kiosk's name for the backend and the fleet (heartbeats, ratings, the staff page); empty =
    /// the host name. Set by provisioning.
    std::string kioskId;
    std::string dataDir = "/var/lib/kiosk";  ///< durable queues (ratings, heartbeats) and local.toml
    std::string logDir = "/var/log/kiosk";   ///< kiosk.log when not under journald; "" = stderr only
    LogLevel logLevel = LogLevel::Info;      ///< trace, debug, info, warn or error
    /// Prometheus text file for node_exporter's textfile collector, rewritten atomically; "" = none.
    std::string metricsFile = "/var/lib/kiosk/metrics/kiosk.prom";
    int metricsIntervalS = 15;               ///< how often the metrics file is rewritten
    int outboxMaxMessages = 10000;           ///< outbox bound: the oldest message goes when it is full
    int outboxRetryMaxS = 60;                ///< longest wait between delivery attempts (backoff cap)
};

/// Where the package installs the assets (translations, status texts, guidance catalog).
inline constexpr const char* kInstalledAssetsDir = "/usr/share/kiosk";

/// [paths]
struct PathSettings {
    /// Translations, status texts, guidance catalog. Unless a file sets it, the kiosk looks beside its
    /// executable first (a build tree's `assets` link, an unpacked package's ../share/kiosk), see
    /// kiosk/app/composition/load_settings.cpp.
    std::string assetsDir = kInstalledAssetsDir;
};

/// Every setting of the kiosk. Default-constructed = the compiled-in defaults, which are a valid,
/// startable configuration (no backend, no printer, no camera, staff mode locked).
struct Settings {
    OfficeSettings office;
    LanguageSettings language;
    ReceiptRules receipt;  ///< [receipt]: code_pattern, trusted_hosts, code_parameters, token_path, ...
    BackendSettings backend;
    UiSettings ui;
    AudioSettings audio;
    PrinterSettings printer;
    CameraSettings camera;
    ScannerSettings scanner;
    StaffSettings staff;
    ProvisioningSettings provisioning;
    OperationsSettings operations;
    PathSettings paths;
};

}  // namespace kiosk::core
