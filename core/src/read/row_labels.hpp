#pragma once
// What a row's label cells say: a sum of other rows («Totalt», «I alt»), a target group, the
// whole population's age or sex.
#include <string_view>

namespace arsverk::detail {

// «Totalt», «Sum», «I alt», «Total», «Samlet» — and «Begge», «Alle», «Both», «All» alone or before
// «målgrupper»/«tjenester» — as a whole target-group or service cell: the row is a sum of others.
bool is_sum_label(std::string_view text);
// The same label before or after a unit in a unit cell («3101 Totalt», «0301 Oslo i alt», «Sum
// Halden», «Totalt»): true, with `unit` set to what is left of the cell (empty when nothing).
bool split_sum_label(std::string_view cell, std::string_view& unit);

enum class GroupMatch { Adults, Children, Unknown, Empty };
GroupMatch match_group(std::string_view text);

bool is_total_age(std::string_view label);  // "Alle aldre", "All ages", "0-105+", "Total"
bool is_total_sex(std::string_view label);  // "Begge kjønn", "Both sexes", "Total"

}  // namespace arsverk::detail
