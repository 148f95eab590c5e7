#pragma once
// The dossier as the kiosk understands it, after the backend's JSON has been mapped and personal
// fields masked (kiosk/core/api maps, kiosk/core/privacy masks). Everything the UI, the printer and
// the CLI show comes from this struct, so nothing here may hold unmasked personal data.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::core {

/// An instant with the UTC offset it was given in (Vietnam is +07:00), so that dates are shown
/// as the office wrote them, whatever the kiosk's own time zone is.
struct ZonedTime {
    std::chrono::sys_seconds utc{};
    std::chrono::minutes offset{7 * 60};

    /// Local wall-clock time at `offset`, as seconds since the epoch of that local clock.
    [[nodiscard]] std::chrono::local_seconds local() const {
        return std::chrono::local_seconds{utc.time_since_epoch() + offset};
    }
    friend bool operator==(const ZonedTime&, const ZonedTime&) = default;
};

/// National portal status codes 1..10. Any other number from a backend is kept as Unknown
/// (shown as "unknown status", never a crash).
enum class DossierStatus : int {
    Unknown = 0,
    Registered = 1,         ///< Mới đăng ký
    Accepted = 2,           ///< Được tiếp nhận
    Rejected = 3,           ///< Không được tiếp nhận
    Processing = 4,         ///< Đang xử lý
    NeedsDocuments = 5,     ///< Yêu cầu bổ sung giấy tờ
    NeedsPayment = 6,       ///< Yêu cầu thực hiện nghĩa vụ tài chính
    WithdrawnByCitizen = 7, ///< Công dân yêu cầu rút hồ sơ
    Stopped = 8,            ///< Dừng xử lý
    Done = 9,               ///< Đã xử lý xong
    Returned = 10,          ///< Đã trả kết quả
};

/// Maps a backend number to a status; anything outside 1..10 becomes Unknown.
constexpr DossierStatus statusFromCode(std::int64_t code) {
    return (code >= 1 && code <= 10) ? static_cast<DossierStatus>(code) : DossierStatus::Unknown;
}

/// One step of the processing history ("quá trình xử lý").
struct HistoryStep {
    ZonedTime at;
    std::string unit;    ///< department or officer's unit that acted (never a person's full name)
    std::string action;  ///< what was done, as the backend words it
    std::string note;    ///< optional extra explanation
};

/// A paper the citizen must bring or upload (status 5).
struct MissingDocument {
    std::string name;
    std::string note;  ///< e.g. "bản sao có chứng thực"
};

/// A fee or charge (status 6, or fees already paid).
struct Fee {
    std::string description;
    std::int64_t amountVnd = 0;
    bool paid = false;
    std::string howToPay;  ///< plain-language instructions from the backend
    std::string payUrl;    ///< online payment page, may be empty
};

/// Where and when the result can be collected.
struct Pickup {
    std::string place;    ///< e.g. "Bộ phận Một cửa, tầng 1"
    std::string counter;  ///< e.g. "Quầy số 3"
    std::optional<ZonedTime> from;
};

struct Dossier {
    std::string code;            ///< normalised dossier code
    std::string procedureCode;   ///< national TTHC code, e.g. "1.001234"
    std::string procedureName;
    std::string agency;          ///< receiving / handling agency
    std::string applicantMasked; ///< masked by core/privacy before it gets here
    DossierStatus status = DossierStatus::Unknown;
    std::int64_t rawStatus = 0;  ///< the number the backend sent (for staff diagnostics)
    std::optional<ZonedTime> received;
    std::optional<ZonedTime> due;       ///< appointment date ("ngày hẹn trả")
    std::optional<ZonedTime> finished;  ///< when processing finished, if it has
    std::vector<HistoryStep> history;
    std::vector<MissingDocument> missingDocuments;
    std::vector<Fee> fees;
    std::optional<Pickup> pickup;
    bool resultOnline = false;        ///< the result is delivered electronically
    std::string resultDelivery;       ///< how the result is delivered, plain language
    std::string backendNote;          ///< extra help from the backend for this citizen (no personal data)
    std::string publicLookupUrl;      ///< URL to follow the dossier from a phone (dossier code only)
};

}  // namespace kiosk::core
