# Runs `kiosk guidance ...` as operators and tests do and checks its output and exit codes.
# Usage: cmake -DKIOSK=<kiosk binary> -DWORK=<scratch dir> -P guidance_cli_test.cmake
cmake_minimum_required(VERSION 3.25)

function(run_kiosk out_var code_var err_var)
  execute_process(COMMAND ${KIOSK} guidance ${ARGN}
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
  set(${out_var} "${out}" PARENT_SCOPE)
  set(${code_var} "${code}" PARENT_SCOPE)
  set(${err_var} "${err}" PARENT_SCOPE)
endfunction()

function(expect_equal actual expected what)
  if(NOT "${actual}" STREQUAL "${expected}")
    message(FATAL_ERROR "${what}: got [${actual}], expected [${expected}]")
  endif()
endfunction()

function(expect_contains haystack needle what)
  string(FIND "${haystack}" "${needle}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${what}: [${needle}] not found in:\n${haystack}")
  endif()
endfunction()

# list: one JSON line per entry, Vietnamese titles, exit 0.
run_kiosk(out code err list)
expect_equal("${code}" 0 "list exit code (${err})")
string(REGEX MATCHALL "[^\n]+" lines "${out}")
list(LENGTH lines count)
if(count LESS 18)
  message(FATAL_ERROR "list printed ${count} lines, expected at least 18")
endif()
foreach(line IN LISTS lines)
  string(JSON id GET "${line}" id)
  string(JSON title GET "${line}" title)
  if(id STREQUAL "" OR title STREQUAL "")
    message(FATAL_ERROR "line without id or title: ${line}")
  endif()
endforeach()
expect_contains("${out}" "{\"id\":\"phieu-ly-lich-tu-phap\",\"title\":\"Cấp Phiếu lý lịch tư pháp\"}" "list")
expect_equal("${err}" "" "list stderr with the bundled catalog")

# search: best first, without diacritics, the demo's query.
foreach(pair "ly lich=phieu-ly-lich-tu-phap" "khai sinh=dang-ky-khai-sinh" "dang ky thuong tru=dang-ky-thuong-tru"
             "Hộ chiếu=cap-ho-chieu-pho-thong" "thuogn tru=dang-ky-thuong-tru" "judicial record=phieu-ly-lich-tu-phap")
  string(REPLACE "=" ";" parts "${pair}")
  list(GET parts 0 query)
  list(GET parts 1 expected)
  run_kiosk(out code err search "${query}")
  expect_equal("${code}" 0 "search '${query}' exit code (${err})")
  string(REGEX MATCH "^[^\n]+" first "${out}")
  string(JSON id GET "${first}" id)
  expect_equal("${id}" "${expected}" "search '${query}' first result")
endforeach()

# search with no match: nothing printed, exit 0.
run_kiosk(out code err search "zzqqxx")
expect_equal("${code}" 0 "search without match exit code")
expect_equal("${out}" "" "search without match output")

# show: the entry in the catalog format; unknown id is an error.
run_kiosk(out code err show dang-ky-khai-sinh)
expect_equal("${code}" 0 "show exit code (${err})")
string(JSON url GET "${out}" url)
expect_equal("${url}" "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html" "show url")
string(JSON step0 GET "${out}" steps vi 0)
expect_contains("${step0}" "Đăng nhập" "show first Vietnamese step")
run_kiosk(out code err show no-such-entry)
expect_equal("${code}" 2 "show of an unknown id exit code")
expect_contains("${err}" "no guidance entry with id" "show of an unknown id")

# A catalog with a broken entry: a warning naming file, entry and field; the rest is listed.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/entries")
file(WRITE "${WORK}/catalog.json" [=[
{"format": 1, "version": 3,
 "categories": [{"id": "start", "name": {"vi": "Bắt đầu", "en": "Start"}}],
 "entries": ["entries/good.json", "entries/bad.json"]}
]=])
file(WRITE "${WORK}/entries/good.json" [=[
{"id": "good-guide", "kind": "guide", "category": "start",
 "title": {"vi": "Hướng dẫn tốt", "en": "Good guide"}, "summary": {"vi": "Tóm tắt.", "en": "Summary."},
 "login": {"vi": "VNeID.", "en": "VNeID."}, "steps": {"vi": ["Một."], "en": ["One."]},
 "url": "https://dichvucong.gov.vn/", "keywords": ["tốt"]}
]=])
file(WRITE "${WORK}/entries/bad.json" [=[
{"id": "bad-guide", "kind": "guide", "category": "start",
 "title": {"vi": "Hỏng"}, "summary": {"vi": "Tóm tắt.", "en": "Summary."},
 "login": {"vi": "VNeID.", "en": "VNeID."}, "steps": {"vi": ["Một."], "en": ["One."]},
 "url": "https://dichvucong.gov.vn/", "keywords": ["hỏng"]}
]=])
run_kiosk(out code err --catalog "${WORK}" list)
expect_equal("${code}" 0 "list of a partly broken catalog exit code")
expect_equal("${out}" "{\"id\":\"good-guide\",\"title\":\"Hướng dẫn tốt\"}\n" "list of a partly broken catalog")
expect_contains("${err}" "entries/bad.json: entry 'bad-guide': field 'title.en': missing English text" "warning")

# An unreadable catalog: a clear error and exit 1, never a crash.
run_kiosk(out code err --catalog "${WORK}/missing.json" list)
expect_equal("${code}" 1 "missing catalog exit code")
expect_contains("${err}" "cannot read the guidance catalog" "missing catalog")
file(WRITE "${WORK}/garbage.json" "not json")
run_kiosk(out code err --catalog "${WORK}/garbage.json" search x)
expect_equal("${code}" 1 "garbage catalog exit code")
expect_contains("${err}" "not valid JSON" "garbage catalog")
file(REMOVE_RECURSE "${WORK}")
