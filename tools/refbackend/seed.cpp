#include "tools/refbackend/seed.hpp"

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <vector>

#include "kiosk/core/api/iso_time.hpp"

namespace refbackend {
namespace {

using nlohmann::json;
using namespace std::chrono;

struct Paper {
    const char* name;
    const char* note;
};

struct Charge {
    const char* description;
    std::int64_t amountVnd;
};

// One procedure of the province with what belongs to it: the papers that are typically missing, its
// fee (0: free of charge), the department that handles it and the steps it goes through.
struct Procedure {
    const char* agencyCode;  // V1V2V3.Z1Z2.Y1Y2.MX1X2
    const char* agency;
    const char* department;  // the unit that appraises it
    const char* code;
    const char* name;
    int days;  // statutory processing time
    std::array<Paper, 2> missing;
    Charge fee;
    const char* result;  // what the citizen collects
};

// Quảng Nam's provincial departments and three of its towns: the demo office is the province's
// public administration service centre (config/demo.toml), which receives for all of them.
constexpr std::array kProcedures{
    Procedure{"000.00.06.H56", "Sở Tư pháp tỉnh Quảng Nam", "Phòng Hành chính tư pháp", "1.001022",
              "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam", 10,
              {Paper{"Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP)", ""},
               Paper{"Bản chụp Căn cước công dân", "mang bản chính để đối chiếu"}},
              Charge{"Lệ phí cấp Phiếu lý lịch tư pháp", 200000}, "Phiếu lý lịch tư pháp"},
    Procedure{"000.00.17.H56", "Sở Kế hoạch và Đầu tư tỉnh Quảng Nam", "Phòng Đăng ký kinh doanh", "2.001035",
              "Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên", 3,
              {Paper{"Điều lệ công ty có chữ ký của các thành viên", ""},
               Paper{"Danh sách thành viên (Mẫu Phụ lục I-6)", "ký đủ các trang"}},
              Charge{"Lệ phí đăng ký doanh nghiệp", 50000}, "Giấy chứng nhận đăng ký doanh nghiệp"},
    Procedure{"000.00.11.H56", "Sở Tài nguyên và Môi trường tỉnh Quảng Nam", "Văn phòng Đăng ký đất đai",
              "1.004227",
              "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất trong các trường hợp "
              "chuyển đổi, chuyển nhượng, cho thuê, cho thuê lại, thừa kế, tặng cho, góp vốn bằng quyền sử dụng đất",
              10,
              {Paper{"Hợp đồng chuyển nhượng quyền sử dụng đất", "đã công chứng"},
               Paper{"Bản gốc Giấy chứng nhận quyền sử dụng đất", ""}},
              Charge{"Lệ phí trước bạ nhà, đất", 1250000}, "Giấy chứng nhận quyền sử dụng đất đã cập nhật biến động"},
    Procedure{"000.00.08.H56", "Sở Giao thông vận tải tỉnh Quảng Nam", "Phòng Quản lý phương tiện và người lái",
              "1.002804", "Đổi Giấy phép lái xe do ngành Giao thông vận tải cấp", 5,
              {Paper{"Giấy khám sức khỏe của người lái xe", "do cơ sở y tế có thẩm quyền cấp"},
               Paper{"Bản chụp Giấy phép lái xe cũ", ""}},
              Charge{"Lệ phí cấp đổi Giấy phép lái xe", 135000}, "Giấy phép lái xe mới"},
    Procedure{"000.00.12.H56", "Sở Xây dựng tỉnh Quảng Nam", "Phòng Quản lý hoạt động xây dựng", "1.009972",
              "Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II", 20,
              {Paper{"Bản vẽ thiết kế xây dựng", "2 bộ"},
               Paper{"Giấy tờ chứng minh quyền sử dụng đất", "bản sao có chứng thực"}},
              Charge{"Lệ phí cấp giấy phép xây dựng", 150000}, "Giấy phép xây dựng"},
    Procedure{"000.22.30.H56", "UBND thành phố Tam Kỳ", "Phòng Tư pháp", "1.001193", "Đăng ký khai sinh", 1,
              {Paper{"Giấy chứng sinh", "bản chính"}, Paper{"Giấy chứng nhận kết hôn của cha mẹ", "bản sao"}},
              Charge{"", 0}, "Giấy khai sinh"},
    Procedure{"000.23.31.H56", "UBND thành phố Hội An", "Phòng Tư pháp", "1.000894", "Đăng ký kết hôn", 5,
              {Paper{"Tờ khai đăng ký kết hôn", "có chữ ký của hai bên"},
               Paper{"Giấy xác nhận tình trạng hôn nhân", "còn thời hạn 6 tháng"}},
              Charge{"", 0}, "Giấy chứng nhận kết hôn"},
    Procedure{"000.24.32.H56", "UBND thị xã Điện Bàn", "Phòng Tư pháp", "2.000908", "Cấp bản sao từ sổ gốc", 2,
              {Paper{"Tờ khai yêu cầu cấp bản sao", ""}, Paper{"Giấy tờ tùy thân của người yêu cầu", "bản chụp"}},
              Charge{"Phí cấp bản sao từ sổ gốc (2 bản)", 16000}, "Bản sao từ sổ gốc"},
};

// Applicant names covering every Vietnamese vowel with every tone, and đ/Đ.
constexpr std::array kNames{
    "Nguyễn Thị Ánh Tuyết", "Trần Văn Đức",      "Lê Hoàng Bảo Ngọc",  "Phạm Thị Hồng Nhung", "Huỳnh Quốc Việt",
    "Võ Thị Ngọc Trâm",     "Đặng Hữu Lộc",      "Bùi Thị Mỹ Duyên",   "Đỗ Xuân Trường",      "Hồ Thị Thùy Dương",
    "Ngô Đình Khải",        "Dương Thị Ỷ Lan",   "Lý Thị Ửng",         "Phan Thế Hiển",       "Vũ Thị Ỡm",
    "Trương Công Tuấn",     "Lương Thị Yến",     "Châu Ngọc Ẩn",       "Mai Thị Ấu",          "Tạ Quang Ượng",
    "Hà Thị Ẽm",            "Kiều Văn Ỹ",        "Cao Thị Ũy",         "Tô Thị Ỏn",           "Quách Ngọc Ửu",
};

constexpr const char* kOneStop = "Bộ phận Một cửa";

std::string iso(sys_seconds t) { return kiosk::core::formatIsoTime(kiosk::core::ZonedTime{t, minutes{420}}); }

json step(sys_seconds at, const std::string& unit, const std::string& action, const std::string& note = "") {
    return {{"at", iso(at)}, {"unit", unit}, {"action", action}, {"note", note}};
}

// The history of a dossier in `status`: always from the receipt to the step that put it in that
// status (a returned dossier ends with the return), `appraisals` steps in between.
json historyFor(int status, const Procedure& p, sys_seconds received, sys_seconds due, int appraisals) {
    json h = json::array();
    if (status == 1) {
        h.push_back(step(received, "Cổng Dịch vụ công", "Nộp hồ sơ trực tuyến"));
        return h;
    }
    if (status == 3) {
        h.push_back(step(received, kOneStop, "Kiểm tra hồ sơ"));
        h.push_back(step(received + minutes{40}, kOneStop, "Từ chối tiếp nhận hồ sơ",
                         "Hồ sơ thuộc thẩm quyền giải quyết của UBND cấp xã nơi cư trú"));
        return h;
    }
    h.push_back(step(received, kOneStop, "Tiếp nhận hồ sơ"));
    if (status == 2) return h;
    h.push_back(step(received + hours{4}, kOneStop, std::string("Chuyển hồ sơ đến ") + p.department));
    for (int i = 0; i < appraisals; ++i) {
        h.push_back(step(received + days{1} + hours{3 * i}, p.department,
                         i % 2 == 0 ? "Thẩm định hồ sơ" : "Lãnh đạo phòng xem xét, cho ý kiến",
                         i % 3 == 2 ? "Đã kiểm tra, đối chiếu bản chính" : ""));
    }
    const sys_seconds last = received + days{1} + hours{3 * appraisals + 1};
    switch (status) {
    case 5:
        h.push_back(step(last, p.department, "Yêu cầu bổ sung giấy tờ",
                         std::string("Thiếu: ") + p.missing[0].name + "; " + p.missing[1].name));
        break;
    case 6: h.push_back(step(last, p.department, "Thông báo nộp phí, lệ phí")); break;
    case 7:
        h.push_back(step(last, kOneStop, "Nhận đề nghị rút hồ sơ của công dân"));
        h.push_back(step(last + hours{2}, p.department, "Dừng giải quyết theo đề nghị của công dân"));
        break;
    case 8:
        h.push_back(step(last, p.department, "Dừng xử lý hồ sơ",
                         "Đang có tranh chấp liên quan, chờ kết luận của cơ quan có thẩm quyền"));
        break;
    case 9:
    case 10:
        h.push_back(step(due - days{2}, p.department, std::string("Ký duyệt ") + p.result));
        h.push_back(step(due - days{1}, kOneStop, "Kết quả đã chuyển về quầy trả kết quả"));
        if (status == 10) h.push_back(step(due, kOneStop, "Trả kết quả cho công dân"));
        break;
    default: break;  // 4: still being appraised
    }
    return h;
}

}  // namespace

std::vector<SeedDossier> makeSeedDossiers(sys_seconds now) {
    std::vector<SeedDossier> out;
    int sequence = 0;
    // 5 dossiers per status (50): variants 0-1 on time, 2-3 overdue, 4 with a long history.
    for (int status = 1; status <= 10; ++status) {
        for (int variant = 0; variant < 5; ++variant) {
            ++sequence;
            std::size_t pick = static_cast<std::size_t>(status * 3 + variant) % kProcedures.size();
            // A dossier waiting for its fee (6) belongs to a procedure that has one.
            while (status == 6 && kProcedures[pick].fee.amountVnd == 0) pick = (pick + 1) % kProcedures.size();
            const Procedure& p = kProcedures[pick];
            const bool overdue = variant == 2 || variant == 3;
            const int workDays = p.days + 2;
            const sys_seconds received = floor<days>(now) + hours{1} + minutes{15 + variant * 7} -
                                         days{overdue ? workDays + 3 + variant : (variant == 4 ? workDays - 1 : 1 + variant)};
            const sys_seconds due = received + days{workDays};
            // Stable codes: the demo codes in the README stay valid whatever day the database is seeded.
            char code[64];
            std::snprintf(code, sizeof code, "%s-2410%02d-%04d", p.agencyCode, 1 + status, sequence);
            json j;
            j["code"] = code;
            j["status"] = status;
            j["procedure"] = {{"code", p.code}, {"name", p.name}};
            j["agency"] = p.agency;
            j["applicant_name"] = kNames[static_cast<std::size_t>(sequence) % kNames.size()];
            j["received_at"] = iso(received);
            j["due_at"] = status == 1 || status == 3 ? json(nullptr) : json(iso(due));
            j["history"] = historyFor(status, p, received, due, variant == 4 ? 14 : 2);
            j["missing_documents"] = json::array();
            j["fees"] = json::array();
            if (status == 5) {
                j["missing_documents"] = {{{"name", p.missing[0].name}, {"note", p.missing[0].note}},
                                          {{"name", p.missing[1].name}, {"note", p.missing[1].note}}};
                j["note"] = "Nộp bổ sung tại Quầy số 2, trong giờ hành chính (sáng 7 giờ 30 - 11 giờ 30, chiều 13 giờ 30 - 17 giờ).";
            }
            if (status == 3) {
                j["note"] = "Xin nộp hồ sơ tại Bộ phận Một cửa UBND xã, phường nơi cư trú.";
            }
            // The procedure's own fee: unpaid while the dossier waits for it (6), paid once past it.
            if (p.fee.amountVnd > 0 && (status == 6 || status == 9 || status == 10)) {
                j["fees"] = {{{"description", p.fee.description},
                              {"amount_vnd", p.fee.amountVnd},
                              {"paid", status != 6},
                              {"how_to_pay", "Nộp tại Quầy thu phí số 5 hoặc thanh toán trực tuyến trên Cổng dịch vụ công"},
                              {"pay_url", status == 6 ? "https://dichvucong.gov.vn/p/home/dvc-thanh-toan-phi-le-phi-ho-so.html"
                                                      : ""}}};
            }
            const bool online = variant == 0 && status == 9;  // a result sent online, waiting to be opened
            if (status == 9 || status == 10) {
                j["finished_at"] = iso(overdue ? due + days{2} : due - days{1});
                if (!online) {
                    j["pickup"] = {{"place", "Trung tâm Phục vụ hành chính công tỉnh, tầng 1"},
                                   {"counter", "Quầy số " + std::to_string(1 + sequence % 8)},
                                   {"from", iso(due - days{1})}};
                }
            }
            j["result_delivery"] = {{"online", online},
                                    {"description", online ? std::string("Kết quả điện tử gửi vào tài khoản Cổng dịch vụ công của ông/bà")
                                                           : std::string("Nhận ") + p.result +
                                                                 " tại Trung tâm Phục vụ hành chính công tỉnh"}};
            j["public_url"] = std::string{"https://dichvucong.quangnam.gov.vn/tra-cuu?MHS="} + code;
            out.push_back({code, status, overdue && !j["due_at"].is_null() && status != 10 && status != 9, j.dump()});
        }
    }
    return out;
}

std::vector<SeedToken> makeSeedTokens(const std::vector<SeedDossier>& dossiers) {
    std::vector<SeedToken> out;
    for (std::size_t i = 0; i < dossiers.size(); i += 9) {
        char token[64];
        std::snprintf(token, sizeof token, "6f1c2a7e-4b3d-4e8a-9c1f-%012zu", i + 1);
        out.push_back({token, dossiers[i].code});
    }
    return out;
}

}  // namespace refbackend
