// The rules of docs/indicator.md on hand-made inputs with known answers.
#include "engine_fixture.hpp"

using namespace fixture;

TEST_CASE("schema 2024: the four measures from categories a-e, per 1 000 of the embedded population") {
  Input in;
  in.row24("3101", 2024, Adults, "", "10", "20", "3", "4", "2.5");
  in.row24("3101", 2024, Children, "", "1", "2", "0", "0.25", "0");
  const Report r = in.run();
  const Result* h = find(r, "3101", 2024);
  REQUIRE(h);
  CHECK(h->name == "Halden");
  CHECK(h->schema == Schema::S2024);
  CHECK(h->population == 31935);
  CHECK(h->population_source == PopulationSource::Embedded);
  CHECK(h->arsverk[0] == fx("42.75"));  // 39.5 + 3.25
  CHECK(h->arsverk[1] == fx("33"));     // a+b
  CHECK(h->arsverk[2] == fx("22"));     // b
  CHECK(h->arsverk[3] == fx("4.25"));   // d
  CHECK(*h->per_1000[0] == Approx(42.75 / 31.935));
  CHECK(h->by_group.at(Adults)[0] == fx("39.5"));
  CHECK(h->by_group.at(Children)[0] == fx("3.25"));
  CHECK(h->county == "31");
  CHECK(h->kostra == "EKG10");
}

TEST_CASE("schema 2015: nested measures as given, disjoint levels summed into nested ones") {
  Input in;
  in.row15("3001", 2023, Adults, "", "30", "25", "20", "10");
  in.add("3002", 2023, Adults, "", Category::Ingen, "1");
  in.add("3002", 2023, Adults, "", Category::AnnenVgs, "2");
  in.add("3002", 2023, Adults, "", Category::VgsHelse, "3");
  in.add("3002", 2023, Adults, "", Category::HoyUten, "4");
  in.add("3002", 2023, Adults, "", Category::HoyMed, "5");
  Settings s;
  s.suppression = Rule::Off;
  const Report r = in.run(s);
  const Result* halden = find(r, "3001", 2023);
  REQUIRE(halden);
  CHECK(halden->schema == Schema::S2015);
  CHECK(halden->population == 31730);  // 2020-2023 borders, 1 January 2023
  CHECK(halden->arsverk == Amounts{fx("30"), fx("25"), fx("20"), fx("10")});
  const Result* moss = find(r, "3002", 2023);
  REQUIRE(moss);
  CHECK(moss->arsverk == Amounts{fx("15"), fx("12"), fx("9"), fx("5")});
}

TEST_CASE("rates are rounded half away from zero from the exact value") {
  Input in;
  in.population("3101", 2024, 1000).population("3103", 2024, 1000);
  in.row24("3101", 2024, NoGroup, "", "2.85", "0", "0", "0", "0");         // exactly 2.85
  in.row24("3103", 2024, NoGroup, "", "2.849999", "0", "0", "0", "0");     // just below
  const std::string json = report_to_json(in.run(), Settings{});
  CHECK(json.find("\"code\":\"3101\"") != std::string::npos);
  CHECK(rounded_rate_units(fx("2.85"), 1000) == 29);
  CHECK(rounded_rate_units(fx("2.849999"), 1000) == 28);
  CHECK(rounded_rate_units(fx("0.05"), 1000) == 1);
  CHECK(format_units(29, 1, Lang::Nb) == "2,9");
  CHECK(format_units(29, 1, Lang::En) == "2.9");
  CHECK(format_double(2.85, 1, Lang::Nb) == "2,9");
  CHECK(format_int(5550203, Lang::Nb) == "5\u00a0550\u00a0203");
  CHECK(format_int(5550203, Lang::En) == "5,550,203");
  const Report r = in.run();
  CHECK(find(r, "3101", 2024)->population_source == PopulationSource::File);
}

TEST_CASE("exact sums: many decimals add up without drift") {
  Input in;
  for (int i = 0; i < 1000; ++i) in.add("3101", 2024, NoGroup, "s" + std::to_string(i), Category::A, "0.1");
  for (Category c : {Category::B, Category::C, Category::D, Category::E})  // so that M1 is present
    in.add("3101", 2024, NoGroup, "s0", c, "0");
  const Report r = in.run();  // kept alive: find() points into it
  const Result* h = find(r, "3101", 2024);
  REQUIRE(h);
  CHECK(h->arsverk[0] == fx("100"));
}

TEST_CASE("aggregates sum numerators and populations — coverage is the share with data") {
  Input in;
  in.row24("3101", 2024, NoGroup, "", "31.935", "0", "0", "0", "0");  // 1.0 per 1 000
  in.row24("3103", 2024, NoGroup, "", "156.153", "0", "0", "0", "0"); // 3.0 per 1 000
  const Report r = in.run();
  const Result* ostfold = find(r, "31", 2024);
  REQUIRE(ostfold);
  CHECK(ostfold->level == Level::Fylke);
  CHECK(ostfold->population == 31935 + 52051);
  CHECK(*ostfold->per_1000[0] == Approx((31.935 + 156.153) / (31.935 + 52.051)));
  CHECK(*ostfold->per_1000[0] != Approx(2.0));  // not the mean of the rates
  CHECK(ostfold->members == 2);
  CHECK(ostfold->coverage == Approx((31935.0 + 52051.0) / 312152.0).epsilon(1e-6));
  const Result* land = find(r, "0", 2024);
  REQUIRE(land);
  CHECK(land->population == 31935 + 52051);
  CHECK(find(r, "EKG10", 2024));
  CHECK(find(r, "EKG11", 2024));
}

TEST_CASE("Oslo = own rows + districts, rated on the population of 0301") {
  Input in;
  in.row24("030101", 2024, NoGroup, "", "100", "0", "0", "0", "0");
  in.row24("030102", 2024, NoGroup, "", "50", "0", "0", "0", "0");
  in.row24("0301", 2024, NoGroup, "", "10", "0", "0", "0", "0");
  const Report r = in.run();
  const Result* oslo = find(r, "0301", 2024);
  REQUIRE(oslo);
  CHECK(oslo->arsverk[0] == fx("160"));
  CHECK(oslo->population == 717710);
  const Result* gamle = find(r, "030101", 2024);
  REQUIRE(gamle);
  CHECK(gamle->level == Level::Bydel);
  CHECK(gamle->population == 63712);
  CHECK(*gamle->per_1000[0] == Approx(100.0 / 63.712));
  CHECK(find(r, "03", 2024)->arsverk[0] == fx("160"));
}

TEST_CASE("carry-forward: last figures carried on, flagged, never across the 2023/2024 break") {
  Input in;
  in.row24("3101", 2024, NoGroup, "", "10", "0", "0", "0", "0");
  in.row24("3103", 2024, NoGroup, "", "20", "0", "0", "0", "0");
  in.row24("3103", 2025, NoGroup, "", "21", "0", "0", "0", "0");
  in.row24("3103", 2026, NoGroup, "", "22", "0", "0", "0", "0");
  in.row15("1507", 2023, NoGroup, "", "50", "40", "30", "20");  // Ålesund before the split
  in.row15("3001", 2023, NoGroup, "", "7", "0", "0", "0");
  SECTION("on") {
    const Report r = in.run();
    const Result* y25 = find(r, "3101", 2025);
    REQUIRE(y25);
    CHECK(y25->carried_from == 2024);
    CHECK(y25->arsverk[0] == fx("10"));
    CHECK(y25->population == 32038);  // the carried year's own population
    const Result* y26 = find(r, "3101", 2026);
    REQUIRE(y26);
    CHECK(y26->carried_from == 2024);  // a chain of missing years carries the last figures
    CHECK(std::find(y26->flags.begin(), y26->flags.end(), "carried_forward") != y26->flags.end());
    CHECK_FALSE(find(r, "3001", 2024));  // nothing crosses the break
    CHECK_FALSE(find(r, "3101", 2023));
    CHECK_FALSE(find(r, "3103", 2024)->carried_from);
    CHECK(find(r, "31", 2025)->partly_carried);
  }
  SECTION("off") {
    Settings s;
    s.carry_forward = Rule::Off;
    const Report r = in.run(s);
    CHECK_FALSE(find(r, "3101", 2025));
    CHECK(find(r, "31", 2025)->members == 1);
  }
}

TEST_CASE("carry-forward: Oslo's own rows and its districts are never carried on top of each other") {
  Input in;
  in.row24("0301", 2024, NoGroup, "", "200", "0", "0", "0", "0");  // Oslo as a whole
  in.row24("030101", 2025, NoGroup, "", "20", "0", "0", "0", "0"); // then through a district
  in.row24("030102", 2025, NoGroup, "", "30", "0", "0", "0", "0");
  in.row24("030102", 2026, NoGroup, "", "31", "0", "0", "0", "0"); // 030101 does not answer in 2026
  const Report r = in.run();
  CHECK(find(r, "0301", 2025)->arsverk[0] == fx("50"));
  CHECK_FALSE(find(r, "0301", 2025)->carried_from);
  const Result* gamle = find(r, "030101", 2026);
  REQUIRE(gamle);  // a district that does not answer is carried like any unit
  CHECK(gamle->carried_from == 2025);
  CHECK(find(r, "0301", 2026)->arsverk[0] == fx("51"));
  CHECK(find(r, "0301", 2026)->partly_carried);
}

TEST_CASE("carry-forward: rows outside the indicator's scope are still an answer") {
  Input in;
  in.row24("3101", 2024, NoGroup, "Behandling", "10", "0", "0", "0", "0");
  in.row24("3101", 2025, NoGroup, "Tjenester til personer med demens", "4", "0", "0", "0", "0");
  in.row24("3103", 2025, NoGroup, "Behandling", "5", "0", "0", "0", "0");
  Settings s;
  s.year = 2025;
  const Report r = in.run(s);
  CHECK_FALSE(find(r, "3101", 2025));
  REQUIRE(r.excluded.size() == 1);
  CHECK(r.excluded[0].year == 2025);
  CHECK(r.excluded[0].arsverk == fx("4"));
}

TEST_CASE("carry-forward: an explicit zero is an answer") {
  Input in;
  in.row24("3101", 2024, NoGroup, "", "10", "0", "0", "0", "0");
  in.row24("3101", 2025, NoGroup, "", "0", "0", "0", "0", "0");
  const Report r = in.run();
  const Result* y25 = find(r, "3101", 2025);
  REQUIRE(y25);
  CHECK_FALSE(y25->carried_from);
  CHECK(y25->arsverk[0] == fx("0"));
  CHECK(diagnostic(r, "check.rate_zero"));
}

TEST_CASE("suppression: no own årsverk for adults or for children leaves the municipality out of the display") {
  Input in;
  in.row24("3101", 2024, Adults, "", "10", "0", "0", "0", "0");      // no children
  in.row24("3103", 2024, Adults, "", "10", "0", "0", "0", "0");
  in.row24("3103", 2024, Children, "", "5", "0", "0", "0", "0");
  SECTION("on") {
    const Report r = in.run();
    const Result* h = find(r, "3101", 2024);
    REQUIRE(h);
    CHECK(h->suppressed);
    CHECK(h->suppression_reason == "no_children");
    CHECK_FALSE(find(r, "3103", 2024)->suppressed);
    CHECK(find(r, "31", 2024)->arsverk[0] == fx("25"));  // still counted in the county
    CHECK(find(r, "EKG10", 2024)->distribution->at(0).n == 0);  // left out of the distribution
    const std::string json = report_to_json(r, Settings{});
    CHECK(json.find("\"code\":\"3101\"") != std::string::npos);
    CHECK(json.find("\"suppression_reason\":\"no_children\"") != std::string::npos);
  }
  SECTION("off") {
    Settings s;
    s.suppression = Rule::Off;
    CHECK_FALSE(find(in.run(s), "3101", 2024)->suppressed);
  }
}

TEST_CASE("suppression without a target-group column says it could not be applied, and to how many") {
  Input in;
  in.row24("3101", 2024, NoGroup, "", "10", "0", "0", "0", "0");
  in.row24("3103", 2024, NoGroup, "", "5", "0", "0", "0", "0");
  in.row24("3105", 2024, Adults, "", "5", "0", "0", "0", "0");
  const Report r = in.run();
  CHECK_FALSE(find(r, "3101", 2024)->suppressed);
  CHECK(find(r, "3105", 2024)->suppressed);
  const Diagnostic* d = diagnostic(r, "suppression.not_applied");
  REQUIRE(d);
  CHECK(d->severity == Severity::Info);
  // The year's rules say the rule is on, and that it could not be applied to two municipalities.
  REQUIRE(r.rules.size() == 1);
  CHECK(r.rules[0].suppression);
  CHECK(r.rules[0].suppression_unapplied == 2);
  CHECK(report_to_json(r, Settings{}).find("\"suppression\":true,\"suppression_unapplied\":2") != std::string::npos);
}

TEST_CASE("rules: suppression applied to every municipality leaves none unapplied") {
  Input in;
  in.row24("3101", 2024, Adults, "", "10", "0", "0", "0", "0");
  const Report r = in.run();
  REQUIRE(r.rules.size() == 1);
  CHECK(r.rules[0].suppression_unapplied == 0);
  CHECK(diagnostic(r, "suppression.not_applied") == nullptr);
}

TEST_CASE("scope: prevention, dementia and intellectual disability are left out and counted") {
  Input in;
  in.row24("3101", 2024, NoGroup, "Behandling og utredning", "10", "0", "0", "0", "0");
  in.row24("3101", 2024, NoGroup, "Tjenester til personer med demens", "4", "1", "0", "0", "0");
  in.row24("3101", 2024, NoGroup, "Primærforebyggende arbeid", "2", "0", "0", "0", "0");
  in.row24("3101", 2024, NoGroup, "Tjenester til personer med psykisk utviklingshemming", "3", "0", "0", "0", "0");
  const Report r = in.run();
  CHECK(find(r, "3101", 2024)->arsverk[0] == fx("10"));
  REQUIRE(r.excluded.size() == 3);
  Fixed total;
  for (const auto& e : r.excluded) total += e.arsverk;
  CHECK(total == fx("10"));
  CHECK(count_diagnostics(r, "scope.excluded") == 3);
}

TEST_CASE("a 2020-2023 number used for 2024 gets the right new number") {
  Input in;
  in.row24("3001", 2024, NoGroup, "", "10", "0", "0", "0", "0");
  in.row15("3101", 2023, NoGroup, "", "10", "0", "0", "0");
  in.row24("1507", 2024, NoGroup, "", "10", "0", "0", "0", "0");
  const Report r = in.run();
  CHECK_FALSE(find(r, "3001", 2024));
  std::vector<std::string> messages;
  for (const auto& d : r.diagnostics)
    if (d.code == "unit.wrong_structure") messages.push_back(d.text(Lang::En));
  REQUIRE(messages.size() == 3);
  CHECK_THAT(messages[0], Catch::Contains("Use 3101 Halden"));
  CHECK_THAT(messages[1], Catch::Contains("Use 3001 Halden"));
  CHECK_THAT(messages[2], Catch::Contains("Use 1508 Ålesund / 1580 Haram"));
}

TEST_CASE("unknown units and non-reporting districts are named with their line") {
  Input in;
  in.row24("9999", 2024, NoGroup, "", "1", "0", "0", "0", "0");
  in.row24("030116", 2024, NoGroup, "", "1", "0", "0", "0", "0");
  in.row24("77", 2024, NoGroup, "", "1", "0", "0", "0", "0");
  const Report r = in.run();
  const Diagnostic* d = diagnostic(r, "unit.unknown_municipality");
  REQUIRE(d);
  CHECK(d->file == "arsverk.csv");
  CHECK(d->line == 2);
  CHECK(diagnostic(r, "unit.district_not_reporting"));
  CHECK(diagnostic(r, "unit.unknown_county"));
  CHECK(r.results.empty());
}

TEST_CASE("categories from the wrong side of the break are refused") {
  Input in;
  in.row24("3001", 2023, NoGroup, "", "1", "0", "0", "0", "0");
  in.row15("3101", 2024, NoGroup, "", "1", "0", "0", "0");
  const Report r = in.run();
  CHECK(count_diagnostics(r, "category.wrong_schema") == 9);
  CHECK(r.results.empty());
}

TEST_CASE("missing population is an error naming the unit, and the unit is not shown") {
  Input in;
  in.row15("1507", 2022, NoGroup, "", "10", "0", "0", "0");  // no figure for Ålesund before the split
  in.row15("1507", 2023, NoGroup, "", "10", "0", "0", "0");
  const Report r = in.run();
  CHECK_FALSE(find(r, "1507", 2022));
  const Diagnostic* d = diagnostic(r, "population.missing");
  REQUIRE(d);
  CHECK_THAT(d->text(Lang::Nb), Catch::Contains("1507"));
  CHECK(find(r, "1507", 2023)->population == 67520);
}

TEST_CASE("population year: the following 1 January on request — old numbers map to their successors") {
  Input in;
  in.row15("1507", 2023, NoGroup, "", "10", "0", "0", "0");
  in.row24("3101", 2024, NoGroup, "", "10", "0", "0", "0", "0");
  Settings s;
  s.population_year = PopulationYear::Next;
  const Report r = in.run(s);
  CHECK(find(r, "1507", 2023)->population == 58509 + 9357);  // Ålesund + Haram, 1 January 2024
  CHECK(find(r, "1507", 2023)->population_year == 2024);
  CHECK(find(r, "3101", 2024)->population == 32038);
  REQUIRE(r.population_use.size() == 2);
  CHECK(r.population_use[1].population_year == 2025);
}

TEST_CASE("KOSTRA group: distribution, rank, difference from the median and Tukey fences") {
  Input in;
  // Five municipalities of KOSTRA group 10 (2024 numbers), population 1 000 so rates equal årsverk.
  const char* units[] = {"3101", "3118", "3209", "3222", "3305"};
  const char* values[] = {"1", "2", "3", "4", "20"};
  for (int i = 0; i < 5; ++i) {
    in.population(units[i], 2024, 1000);
    in.row24(units[i], 2024, NoGroup, "", values[i], "0", "0", "0", "0");
  }
  const Report r = in.run();
  const Result* g = find(r, "EKG10", 2024);
  REQUIRE(g);
  CHECK(g->name == "KOSTRA-gruppe 10");
  CHECK(g->members == 5);
  CHECK(g->members_total == 13);
  REQUIRE(g->distribution);
  const Distribution& d = (*g->distribution)[0];
  CHECK(d.n == 5);
  CHECK(d.min == Approx(1.0));
  CHECK(d.max == Approx(20.0));
  CHECK(d.p25 == Approx(2.0));
  CHECK(d.median == Approx(3.0));
  CHECK(d.p75 == Approx(4.0));
  CHECK(d.mean == Approx(6.0));
  CHECK(*g->per_1000[0] == Approx(30.0 / 5.0));  // weighted rate
  const Result* high = find(r, "3305", 2024);
  REQUIRE(high->comparison);
  CHECK(high->comparison->rank[0] == 1);
  CHECK(high->comparison->n == 5);
  CHECK(high->comparison->fence[0] == Fence::High);  // 20 > 4 + 1.5 * 2
  CHECK(std::find(high->flags.begin(), high->flags.end(), "outside_fences_high") != high->flags.end());
  const Result* low = find(r, "3101", 2024);
  CHECK(low->comparison->rank[0] == 5);
  CHECK(low->comparison->diff_from_median[0].value() == Approx(-2.0));
  CHECK(low->comparison->fence[0] == Fence::Inside);
}

TEST_CASE("percentiles interpolate linearly between closest ranks") {
  Input in;
  const char* units[] = {"3101", "3118", "3209", "3222"};
  const char* values[] = {"1", "2", "4", "8"};
  for (int i = 0; i < 4; ++i) {
    in.population(units[i], 2024, 1000);
    in.row24(units[i], 2024, NoGroup, "", values[i], "0", "0", "0", "0");
  }
  const Report r = in.run();  // kept alive: d refers into it
  const Distribution& d = (*find(r, "EKG10", 2024)->distribution)[0];
  CHECK(d.p25 == Approx(1.75));
  CHECK(d.median == Approx(3.0));
  CHECK(d.p75 == Approx(5.0));
}

TEST_CASE("change from the previous year within a schema — large changes are flagged") {
  Input in;
  in.population("3101", 2024, 1000).population("3101", 2025, 1000);
  in.row15("3001", 2023, NoGroup, "", "1", "0", "0", "0");
  in.row24("3101", 2024, NoGroup, "", "2", "0", "0", "0", "0");
  in.row24("3101", 2025, NoGroup, "", "3", "0", "0", "0", "0");
  const Report r = in.run();
  CHECK_FALSE(find(r, "3101", 2024)->change);  // 2023 is across the break
  const auto& ch = find(r, "3101", 2025)->change;
  REQUIRE(ch);
  CHECK(ch->from_year == 2024);
  CHECK(*ch->per_1000[0] == Approx(1.0));
  CHECK(*ch->percent[0] == Approx(50.0));
  CHECK(diagnostic(r, "check.change_large"));
}

TEST_CASE("a change between the rates as shown: 1,55 → 1,74 reads +0,1 from 1,6 to 1,7, not +0,2") {
  Input in;
  in.population("3101", 2024, 1000).population("3101", 2025, 1000);
  in.row24("3101", 2024, NoGroup, "", "1,55", "0", "0", "0", "0");
  in.row24("3101", 2025, NoGroup, "", "1,74", "0", "0", "0", "0");
  in.population("3118", 2024, 1000).population("3118", 2025, 1000);
  in.row24("3118", 2024, NoGroup, "", "0,11", "0", "0", "0", "0");
  in.row24("3118", 2025, NoGroup, "", "0,14", "0", "0", "0", "0");
  in.population("3209", 2024, 1000).population("3209", 2025, 1000);
  in.row24("3209", 2024, NoGroup, "", "0", "0", "0", "0", "0");
  in.row24("3209", 2025, NoGroup, "", "1", "0", "0", "0", "0");
  const Report r = in.run();
  const auto& ch = find(r, "3101", 2025)->change;
  REQUIRE(ch);
  CHECK(*ch->per_1000[0] == Approx(0.19));
  CHECK(*ch->shown_tenths[0] == 1);
  CHECK(*ch->shown_percent[0] == Approx(100.0 / 16));
  // 0,11 → 0,14 shows 0,1 both years: no change as shown, though the rates rose 27 %.
  const auto& small = find(r, "3118", 2025)->change;
  REQUIRE(small);
  CHECK(*small->shown_tenths[0] == 0);
  CHECK(*small->shown_percent[0] == 0.0);
  CHECK(*small->percent[0] == Approx(300.0 / 11));
  // From 0,0 there is a difference but no relative change.
  const auto& from_zero = find(r, "3209", 2025)->change;
  REQUIRE(from_zero);
  CHECK(*from_zero->shown_tenths[0] == 10);
  CHECK_FALSE(from_zero->shown_percent[0]);
}

TEST_CASE("checks before submission: implausibly high rate, nested order, category above total, duplicates") {
  Input in;
  in.population("3101", 2024, 1000);
  in.row24("3101", 2024, NoGroup, "", "16", "0", "0", "0", "0");
  in.row15("3001", 2023, NoGroup, "", "10", "12", "5", "1");
  in.row24("3103", 2024, NoGroup, "x", "5", "1", "0", "0", "0");
  in.add("3103", 2024, NoGroup, "x", Category::Total, "4");
  in.row24("3105", 2024, NoGroup, "", "1", "0", "0", "0", "0");
  in.add("3105", 2024, NoGroup, "", Category::A, "7");
  const Report r = in.run();
  CHECK(diagnostic(r, "check.rate_high"));
  CHECK(diagnostic(r, "check.nested_order"));
  CHECK(diagnostic(r, "check.category_above_total"));
  CHECK(diagnostic(r, "check.total_mismatch"));
  const Diagnostic* dup = diagnostic(r, "value.duplicate");
  REQUIRE(dup);
  CHECK(dup->severity == Severity::Warning);
  CHECK(find(r, "3105", 2024)->arsverk[0] == fx("1"));  // the first is counted, once
}

TEST_CASE("directly given land figures: the published 2017 and 2018 national values") {
  // SINTEF's national årsverk totals with SSB's population of 1 January give Helsedirektoratet's
  // published 2,8 (2017) and 3,0 (2018).
  Input in;
  in.row15("0", 2017, NoGroup, "", "14633", "0", "0", "0");
  in.row15("0", 2018, NoGroup, "", "15894", "0", "0", "0");
  const Report r = in.run();
  const Result* y17 = find(r, "0", 2017);
  const Result* y18 = find(r, "0", 2018);
  REQUIRE(y17);
  REQUIRE(y18);
  CHECK(y17->direct);
  CHECK(y17->population == 5258317);
  CHECK(format_double(*y17->per_1000[0], 1, Lang::Nb) == "2,8");
  CHECK(format_double(*y18->per_1000[0], 1, Lang::Nb) == "3,0");
  CHECK(rounded_rate_units(*y18->arsverk[0], y18->population) == 30);
}

TEST_CASE("municipalities before 2020 are outside the registers, with a message") {
  Input in;
  in.row15("0301", 2019, NoGroup, "", "1", "0", "0", "0");
  const Report r = in.run();
  CHECK(diagnostic(r, "unit.no_register"));
  CHECK(r.results.empty());
}

TEST_CASE("year filter keeps only that year's results but computes changes from the year before") {
  Input in;
  in.population("3101", 2024, 1000).population("3101", 2025, 1000);
  in.row24("3101", 2024, NoGroup, "", "2", "0", "0", "0", "0");
  in.row24("3101", 2025, NoGroup, "", "3", "0", "0", "0", "0");
  Settings s;
  s.year = 2025;
  const Report r = in.run(s);
  for (const auto& x : r.results) CHECK(x.year == 2025);
  CHECK(find(r, "3101", 2025)->change);
  CHECK(r.years == std::vector<int>{2025});
}

TEST_CASE("absent, never 0: a measure the input did not give is empty, in units and aggregates") {
  SECTION("2024: only a total gives M1 alone") {
    Input in;
    in.add("3101", 2024, NoGroup, "", Category::Total, "40");
    const Report r = in.run();
    const Result* h = find(r, "3101", 2024);
    REQUIRE(h);
    CHECK(h->arsverk[0] == fx("40"));
    CHECK(h->per_1000[0].has_value());
    for (int i = 1; i < 4; ++i) {
      CHECK_FALSE(h->arsverk[i].has_value());
      CHECK_FALSE(h->per_1000[i].has_value());
      CHECK_FALSE(display_rate(*h, i, Lang::Nb).has_value());
    }
    CHECK(count_diagnostics(r, "check.total_mismatch") == 0);
    const std::string json = report_to_json(r, Settings{});
    CHECK(json.find(R"("arsverk":{"M1":40.0,"M2":null,"M3":null,"M4":null})") != std::string::npos);
    CHECK(json.find(R"("tenths":{"M1":13,"M2":null,"M3":null,"M4":null})") != std::string::npos);
    const std::string csv = report_to_csv(r, Settings{}, Lang::Nb);
    CHECK(csv.find(";40;;;;") != std::string::npos);
    CHECK(report_to_table(r, Settings{}).find("–") != std::string::npos);
  }
  SECTION("2024: a and b only give M2 and M3; M1 needs all of a-e, M4 needs d") {
    Input in;
    in.add("3101", 2024, NoGroup, "", Category::A, "10").add("3101", 2024, NoGroup, "", Category::B, "5");
    const Report r = in.run();
    const Result* h = find(r, "3101", 2024);
    REQUIRE(h);
    CHECK_FALSE(h->arsverk[0].has_value());
    CHECK(h->arsverk[1] == fx("15"));
    CHECK(h->arsverk[2] == fx("5"));
    CHECK_FALSE(h->arsverk[3].has_value());
  }
  SECTION("a blank field in one row counts as 0 when the unit gave the category elsewhere") {
    Input in;
    in.row24("3101", 2024, Adults, "", "1", "2", "3", "4", "5");
    in.add("3101", 2024, Children, "", Category::A, "1");
    const Report r = in.run();  // kept alive: find() points into it
    const Result* h = find(r, "3101", 2024);
    REQUIRE(h);
    CHECK(h->arsverk[0] == fx("16"));
  }
  SECTION("2024: a row with only a total adds to M1 beside rows with a-e, and leaves M2-M4 absent") {
    Input in;
    in.row24("3101", 2024, Adults, "", "1", "2", "3", "4", "5");
    in.add("3101", 2024, Children, "", Category::Total, "10");
    const Report r = in.run();
    const Result* h = find(r, "3101", 2024);
    REQUIRE(h);
    CHECK(h->arsverk[0] == fx("25"));
    for (int i = 1; i < 4; ++i) CHECK_FALSE(h->arsverk[i].has_value());
  }
  SECTION("2015 nested: only M1 given") {
    Input in;
    in.add("3001", 2023, NoGroup, "", Category::M1, "30");
    const Report r = in.run();
    const Result* h = find(r, "3001", 2023);
    REQUIRE(h);
    CHECK(h->arsverk[0] == fx("30"));
    CHECK_FALSE(h->arsverk[1].has_value());
    CHECK(count_diagnostics(r, "check.nested_order") == 0);
  }
  SECTION("aggregates compute each measure from the members that have it, and say how many") {
    Input in;
    in.row24("3101", 2024, NoGroup, "", "10", "10", "5", "5", "2");
    in.add("3103", 2024, NoGroup, "", Category::Total, "50");
    const Report r = in.run();
    const Result* fylke = find(r, "31", 2024);
    REQUIRE(fylke);
    CHECK(fylke->members == 2);
    CHECK(fylke->measure_members == std::array<int, 4>{2, 1, 1, 1});
    CHECK(fylke->arsverk[0] == fx("82"));
    CHECK(fylke->arsverk[1] == fx("20"));  // 3101 alone: 3103 gave no a, b
    const Result* halden = find(r, "3101", 2024);
    CHECK(*fylke->per_1000[1] == Approx(*halden->per_1000[1]));  // on 3101's population only
    const Result* g = find(r, halden->kostra, 2024);
    REQUIRE(g);
    REQUIRE(g->distribution);
    CHECK((*g->distribution)[1].n <= (*g->distribution)[0].n);
  }
}

TEST_CASE("the rules of the data year: 2015-2023 neither carry-forward nor suppression by default") {
  Input in;
  in.row15("3001", 2021, Adults, "", "7", "5", "4", "1");      // Halden answers for adults only
  in.row15("3001", 2022, Adults, "", "8", "6", "4", "2");
  in.row15("3002", 2021, Adults, "", "9", "6", "5", "2");      // Moss answers in 2021 only
  in.row15("3002", 2021, Children, "", "3", "2", "1", "1");
  in.row15("3002", 2022, Children, "", "0", "0", "0", "0");    // an answer: in 2022 no carry needed
  in.row24("3101", 2024, Adults, "", "1", "2", "3", "4", "5");
  in.row24("3103", 2024, Adults, "", "1", "2", "3", "4", "5");
  in.row24("3103", 2024, Children, "", "1", "1", "1", "1", "1");
  in.row24("3103", 2025, Adults, "", "1", "2", "3", "4", "5");
  in.row24("3103", 2025, Children, "", "1", "1", "1", "1", "1");
  in.row15("3003", 2021, Adults, "", "4", "3", "2", "1");       // Sarpsborg: 2021 only
  in.row15("3003", 2021, Children, "", "4", "3", "2", "1");
  SECTION("auto: a municipality missing in 2022 is absent, not carried; no suppression before 2024") {
    const Report r = in.run();
    CHECK_FALSE(find(r, "3003", 2022));
    const Result* halden = find(r, "3001", 2022);
    REQUIRE(halden);
    CHECK_FALSE(halden->suppressed);  // no children's figures, but 2022 has no such rule
    CHECK(find(r, "3101", 2024)->suppressed);  // 2024 does
    CHECK(find(r, "3101", 2025)->carried_from == 2024);
    REQUIRE(r.rules.size() == 4);
    CHECK(r.rules[1].year == 2022);
    CHECK_FALSE(r.rules[1].carry_forward);
    CHECK_FALSE(r.rules[1].suppression);
    CHECK(r.rules[2].carry_forward);
    CHECK(r.rules[2].suppression);
    const std::string json = report_to_json(r, Settings{});
    CHECK(json.find(R"({"year":2022,"schema":"2015","structure":"2020-2023","carry_forward":false,"suppression":false,"suppression_unapplied":0,"basis":{"carry_forward":"auto","suppression":"auto"}})") !=
          std::string::npos);
  }
  SECTION("on: carried into 2022 and suppressed in 2022") {
    Settings s;
    s.carry_forward = Rule::On;
    s.suppression = Rule::On;
    const Report r = in.run(s);
    const Result* sarpsborg = find(r, "3003", 2022);
    REQUIRE(sarpsborg);
    CHECK(sarpsborg->carried_from == 2021);
    CHECK(find(r, "3001", 2022)->suppressed);
    CHECK(report_to_json(r, s).find(R"("basis":{"carry_forward":"setting","suppression":"setting"})") != std::string::npos);
  }
  SECTION("off: nothing carried from 2024 either") {
    Settings s;
    s.carry_forward = Rule::Off;
    s.suppression = Rule::Off;
    const Report r = in.run(s);
    CHECK_FALSE(find(r, "3101", 2025));
    CHECK_FALSE(find(r, "3101", 2024)->suppressed);
  }
}

TEST_CASE("settings: rules read as auto, on, off and, for compatibility, true and false") {
  CHECK(settings_from_json("{}").carry_forward == Rule::Auto);
  CHECK(settings_from_json(R"({"carry_forward":"on"})").carry_forward == Rule::On);
  CHECK(settings_from_json(R"({"suppression":"off"})").suppression == Rule::Off);
  CHECK(settings_from_json(R"({"carry_forward":true})").carry_forward == Rule::On);
  CHECK(settings_from_json(R"({"suppression":false})").suppression == Rule::Off);
  CHECK_THROWS_WITH(settings_from_json(R"({"carry_forward":"yes"})"), Catch::Contains("auto"));
}

TEST_CASE("one municipality across the 2024 renumbering: numbers kept per year, the link given") {
  Input in;
  in.row15("3001", 2023, NoGroup, "", "30", "25", "20", "10");
  in.row24("3101", 2024, NoGroup, "", "10", "10", "5", "5", "2");
  in.row15("1507", 2023, NoGroup, "", "50", "40", "30", "20");
  in.row24("1580", 2024, NoGroup, "", "5", "5", "2", "2", "1");
  in.row24("0301", 2024, NoGroup, "", "5", "5", "2", "2", "1");
  const Report r = in.run();
  const Result* before = find(r, "3001", 2023);
  REQUIRE(before->renumbering);
  CHECK(before->renumbering->successor == std::vector<std::string>{"3101"});
  CHECK(before->renumbering->continuity);
  const Result* after = find(r, "3101", 2024);
  REQUIRE(after->renumbering);
  CHECK(after->renumbering->predecessor == std::vector<std::string>{"3001"});
  CHECK(after->renumbering->continuity);
  const Result* alesund = find(r, "1507", 2023);
  CHECK(alesund->renumbering->successor == std::vector<std::string>{"1508", "1580"});
  CHECK_FALSE(alesund->renumbering->continuity);
  const Result* haram = find(r, "1580", 2024);
  CHECK(haram->renumbering->predecessor == std::vector<std::string>{"1507"});
  CHECK_FALSE(haram->renumbering->continuity);
  CHECK(haram->renumbering->note_en.find("1507 Ålesund → 1508 Ålesund + 1580 Haram") != std::string::npos);
  CHECK(find(r, "0301", 2024)->renumbering->predecessor == std::vector<std::string>{"0301"});
  CHECK_FALSE(find(r, "03", 2024)->renumbering);
  const std::string json = report_to_json(r, Settings{});
  CHECK(json.find(R"("renumbering":{"successor":["3101"],"predecessor":null,"continuity":true,"note":null})") != std::string::npos);
}

TEST_CASE("by service: rows without a service are a part of their own beside rows with one, so the parts add up") {
  Input mixed;
  mixed.row24("3101", 2024, NoGroup, "Lavterskeltilbud", "10", "1", "1", "1", "1");
  mixed.row24("3101", 2024, NoGroup, "", "20", "2", "2", "2", "2");
  const Report report = mixed.run();
  const Result* halden = find(report, "3101", 2024);
  REQUIRE(halden);
  REQUIRE(halden->by_service.size() == 2);
  CHECK(halden->by_service.at("")[0] == fx("28"));
  CHECK(halden->by_service.at("Lavterskeltilbud")[0] == fx("14"));
  CHECK(*halden->by_service.at("")[0] + *halden->by_service.at("Lavterskeltilbud")[0] == *halden->arsverk[0]);
  CHECK(report_to_json(report, Settings{}).find(R"("by_service":[{"service":null,"arsverk":{"M1":28.0,)") != std::string::npos);

  Input none;
  none.row24("3101", 2024, NoGroup, "", "20", "2", "2", "2", "2");
  const Report without = none.run();
  CHECK(find(without, "3101", 2024)->by_service.empty());  // input without services has no breakdown
}
