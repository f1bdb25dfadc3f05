// Published figures as the yardstick; comparisons that say what they rest on; reference rates as
// "others" for rank, median and fences, never in sums.
#include "engine_fixture.hpp"

#include <nlohmann/json.hpp>

using namespace fixture;

namespace {

// A reference file of published rates per municipality (M1 only).
ParsedFile reference_file(const std::vector<std::pair<std::string, const char*>>& rates, int year) {
  ParsedFile f;
  f.name = "publiserte.csv";
  f.kind = FileKind::Reference;
  int64_t line = 2;
  for (const auto& [unit, rate] : rates) {
    ReferenceRate r;
    r.unit = unit;
    r.year = year;
    r.measure = 0;
    r.per_1000 = fx(rate);
    r.line = line++;
    f.reference.push_back(r);
  }
  return f;
}

// The 13 municipalities of KOSTRA group 10 on 2024 numbers.
std::vector<std::string> group10() {
  std::vector<std::string> codes;
  for (const auto& m : Registers::embedded().municipalities(Structure::K2024))
    if (m.kostra_group == 10) codes.push_back(m.code);
  return codes;
}

}  // namespace

TEST_CASE("own file only: the published figures beside the own, and comparisons marked not meaningful") {
  Input in;
  in.row24("3101", 2024, NoGroup, "", "30", "20", "10", "5", "3");
  const Report r = in.run();
  const Result* land = find(r, "0", 2024);
  REQUIRE(land);
  REQUIRE(land->published);
  CHECK(*land->published->per_1000[0] == Approx(2.8));
  CHECK(*land->published->per_1000[1] == Approx(2.4));
  CHECK_FALSE(land->published->per_1000[2]);
  CHECK(land->published->source.find("Helsedirektoratet") != std::string::npos);
  CHECK_FALSE(land->aggregate_coverage.meaningful);
  CHECK(land->aggregate_coverage.reason == "few_members");
  const Result* halden = find(r, "3101", 2024);
  REQUIRE(halden->comparison);
  CHECK(halden->comparison->coverage.members == 1);
  CHECK(halden->comparison->coverage.members_total == 13);
  CHECK_FALSE(halden->comparison->coverage.meaningful);
  const std::string json = report_to_json(r, Settings{});
  CHECK(json.find(R"("meaningful":false,"reason":"few_members")") != std::string::npos);
  CHECK(json.find(R"("published":{"per_1000":{"M1":2.8,"M2":2.4,"M3":null,"M4":null})") != std::string::npos);
  CHECK(report_to_table(r, Settings{}).find("Publisert: M1 2,8, M2 2,4") != std::string::npos);
}

TEST_CASE("reference rates count as others for rank, median and fences, never in sums — own figures win") {
  const auto codes = group10();
  REQUIRE(codes.size() == 13);
  Input in;
  in.row24("3101", 2024, NoGroup, "", "300", "0", "0", "0", "0");  // Halden: ~9.4 per 1 000
  std::vector<std::pair<std::string, const char*>> rates;
  for (const auto& c : codes) rates.push_back({c, "3"});
  in.files.push_back(reference_file(rates, 2024));  // includes 3101 itself: its own figures win
  const Report r = in.run();
  const Result* halden = find(r, "3101", 2024);
  REQUIRE(halden);
  REQUIRE(halden->comparison);
  const auto& c = *halden->comparison;
  CHECK(c.coverage.members == 13);
  CHECK(c.coverage.from_reference == 12);
  CHECK(c.coverage.reference_year == 2024);
  CHECK(c.coverage.reference_files == std::vector<std::string>{"publiserte.csv"});
  CHECK(c.coverage.meaningful);
  CHECK(c.rank[0] == 1);
  CHECK(*c.median[0] == Approx(3.0));
  CHECK(c.fence[0] == Fence::High);
  // The reference rates give M1 only: for M2–M4 Halden is its own only peer, so no rank or median.
  for (int m = 1; m < 4; ++m) {
    CHECK(c.peers[m] == 1);
    CHECK_FALSE(c.rank[m]);
    CHECK_FALSE(c.median[m]);
  }
  const Result* group = find(r, "EKG10", 2024);
  REQUIRE(group);
  CHECK(group->members == 1);  // sums are the own figures only
  CHECK(group->arsverk[0] == fx("300"));
  CHECK((*group->distribution)[0].n == 13);
}

TEST_CASE("the rank as shown: by the rates rounded to one decimal, equal ones sharing a place") {
  const auto codes = group10();
  Input in;
  in.row24("3101", 2024, NoGroup, "", "300", "0", "0", "0", "0");  // Halden: 9.394 per 1 000, shown 9,4
  std::vector<std::pair<std::string, const char*>> rates;
  const char* near[] = {"10", "9.4", "9.4", "9.36"};  // one above; three shown as 9,4, two of them above exactly
  std::size_t next = 0;
  for (const auto& c : codes)
    if (c != "3101") rates.push_back({c, next < 4 ? near[next++] : "3"});
  in.files.push_back(reference_file(rates, 2024));
  const Report r = in.run();
  const auto& c = *find(r, "3101", 2024)->comparison;
  CHECK(c.rank[0] == 4);  // 10, 9.4 and 9.4 above 9.394
  CHECK(c.rank_shown[0] == 2);  // 10,0 above 9,4
  CHECK(c.rank_shared[0] == 3);
  CHECK_FALSE(c.rank_shown[1]);  // no rank of M2: Halden alone has it
  CHECK(report_to_json(r, Settings{}).find(R"("rank_shown":{"M1":2,"M2":null,"M3":null,"M4":null},"rank_shared":{"M1":3,)") != std::string::npos);
}

TEST_CASE("reference rates of an earlier year of the same schema stand in, labelled with their year") {
  Input in;
  in.row24("3101", 2025, NoGroup, "", "30", "0", "0", "0", "0");
  std::vector<std::pair<std::string, const char*>> rates;
  for (const auto& c : group10()) rates.push_back({c, "3"});
  in.files.push_back(reference_file(rates, 2024));
  const Report r = in.run();
  const Result* halden = find(r, "3101", 2025);
  REQUIRE(halden->comparison);
  CHECK(halden->comparison->coverage.reference_year == 2024);
  CHECK(halden->comparison->coverage.from_reference == 12);
  CHECK_FALSE(find(r, "3101", 2024));  // a reference rate is no result of its own
}

TEST_CASE("a published fylke figure from a reference file, and a duplicate reference rate") {
  Input in;
  in.row24("3101", 2024, NoGroup, "", "30", "0", "0", "0", "0");
  in.files.push_back(reference_file({{"31", "3.4"}, {"31", "3.5"}}, 2024));
  const Report r = in.run();
  const Result* fylke = find(r, "31", 2024);
  REQUIRE(fylke->published);
  CHECK(*fylke->published->per_1000[0] == Approx(3.4));
  CHECK(fylke->published->source == "publiserte.csv");
  const Diagnostic* d = diagnostic(r, "reference.duplicate");
  REQUIRE(d);
  CHECK(d->text(Lang::En).find("line 2 of publiserte.csv") != std::string::npos);
}

TEST_CASE("the report lists the reference rates that stand for units without figures of their own") {
  Input in;
  in.row24("3101", 2024, NoGroup, "", "300", "0", "0", "0", "0");
  std::vector<std::pair<std::string, const char*>> rates;
  for (const auto& c : group10()) rates.push_back({c, "2.85"});
  in.files.push_back(reference_file(rates, 2024));  // includes 3101: its own figures win
  const Report r = in.run();
  REQUIRE(r.reference.size() == 12);
  for (const ReferenceEntry& e : r.reference) {
    CHECK(e.code != "3101");
    CHECK(e.level == Level::Kommune);
    CHECK(e.kostra == "EKG10");
    CHECK(e.year == 2024);
    CHECK(*e.per_1000[0] == Approx(2.85));
    CHECK_FALSE(e.per_1000[1]);  // the file gave M1 only
    CHECK(e.source == "publiserte.csv");
    CHECK(e.used_for == std::vector<int>{2024});
    CHECK_FALSE(find(r, e.code, 2024));  // listed, never a result
  }
  CHECK(find(r, "EKG10", 2024)->arsverk[0] == fx("300"));  // never in sums
  const std::string json = report_to_json(r, Settings{});
  const std::string first = r.reference.front().code;
  CHECK(json.find(R"("reference":[{"level":"kommune","code":")" + first + R"(","name":{"nb":")") != std::string::npos);
  CHECK(json.find(R"("year":2024,"per_1000":{"M1":2.85,"M2":null,"M3":null,"M4":null},"tenths":{"M1":29,"M2":null,"M3":null,"M4":null},"source":"publiserte.csv","used_for":[2024]})") != std::string::npos);
}

TEST_CASE("reference rates of an earlier year are listed with their own year and the year they stand for") {
  Input in;
  in.row24("3101", 2025, NoGroup, "", "30", "0", "0", "0", "0");
  in.files.push_back(reference_file({{"1106", "3"}, {"31", "3.4"}}, 2024));
  const Report r = in.run();
  REQUIRE(r.reference.size() == 1);  // the county: its own figure in 2025, and its rate is for 2024 only
  CHECK(r.reference[0].code == "1106");
  CHECK(r.reference[0].year == 2024);
  CHECK(r.reference[0].used_for == std::vector<int>{2025});
  Input none;
  none.row24("3101", 2024, NoGroup, "", "30", "0", "0", "0", "0");
  CHECK(none.run().reference.empty());
  CHECK(report_to_json(none.run(), Settings{}).find(R"("reference":[],"results":[)") != std::string::npos);
}

TEST_CASE("a municipality alone in its KOSTRA group is compared with no one: not meaningful, reason alone") {
  // Oslo is KOSTRA group 13 by itself; its county (03) is Oslo too, and that sum stands.
  Input in;
  in.row24("0301", 2024, NoGroup, "", "300", "200", "100", "50", "30");
  const Report r = in.run();
  const Result* oslo = find(r, "0301", 2024);
  REQUIRE(oslo);
  REQUIRE(oslo->comparison);
  CHECK(oslo->comparison->coverage.members == 1);
  CHECK(oslo->comparison->coverage.members_total == 1);
  CHECK_FALSE(oslo->comparison->coverage.meaningful);
  CHECK(oslo->comparison->coverage.reason == "alone");
  const Result* group = find(r, "EKG13", 2024);
  REQUIRE(group);
  CHECK(group->distribution_coverage.reason == "alone");
  const Result* county = find(r, "03", 2024);
  REQUIRE(county);
  CHECK(county->aggregate_coverage.meaningful);
}

TEST_CASE("a KOSTRA distribution shows no median of a measure too few members have") {
  Input in;
  in.row24("3101", 2024, NoGroup, "", "30", "20", "10", "5", "3");
  in.files.push_back(reference_file({{"1106", "2.2"}, {"1149", "2.5"}, {"1506", "2.9"}, {"3118", "2.0"}}, 2024));
  const Report r = in.run();
  const Result* group = find(r, "EKG10", 2024);
  REQUIRE(group);
  REQUIRE(group->distribution);
  CHECK((*group->distribution)[0].n == 5);  // Halden and four published M1 rates: enough
  CHECK((*group->distribution)[0].enough);
  CHECK((*group->distribution)[1].n == 1);  // M2 is Halden's alone
  CHECK_FALSE((*group->distribution)[1].enough);
  const auto doc = nlohmann::json::parse(report_to_json(r, Settings{}));
  for (const auto& x : doc["results"]) {
    if (x["code"] != "EKG10") continue;
    CHECK(x["distribution"]["M1"]["median_tenths"].is_number());
    CHECK(x["distribution"]["M2"]["median_tenths"].is_null());
    CHECK(x["distribution"]["M2"]["median"].is_number());  // the statistic stays, for what it is
  }
}
