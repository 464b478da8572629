package fields

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGeneratedUpToDate fails when a generated file differs from what the
// docs and mapping tables produce now, or lacks the generated-code header.
func TestGeneratedUpToDate(t *testing.T) {
	m, err := Load()
	require.NoError(t, err)
	files, err := Generate(m)
	require.NoError(t, err)
	require.Len(t, files, len(Files)+1)
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join("..", "..", name))
		require.NoError(t, err)
		assert.True(t, strings.HasPrefix(string(got), Header+"\n"), "%s lacks the header", name)
		assert.Equal(t, string(want), string(got), "%s is stale: run go generate ./...", name)
	}
}

func TestSourceIsSpecCopy(t *testing.T) {
	spec := filepath.Join("..", "..", "..", "shared", "spec", "api-fields.md")
	want, err := os.ReadFile(spec)
	if err != nil {
		t.Skipf("spec not beside the repository: %v", err)
	}
	// The spec's tables come first, verbatim; the refund APIs of
	// api-fields-more.md are appended after them.
	assert.True(t, strings.HasPrefix(string(Source()), string(want)), "internal/fields/api-fields.md does not start with shared/spec/api-fields.md")
}

func TestParse(t *testing.T) {
	apis, err := Parse(Source())
	require.NoError(t, err)
	for _, name := range []string{apiFullInfo, apiGet, apiSold, apiIncrement, apiTrace, apiOrders, apiDetail, apiCompanies, apiOffline} {
		require.Contains(t, apis, name)
	}
	full := apis[apiFullInfo]
	require.Len(t, full.Params, 3)
	assert.Equal(t, Param{Name: "fields", Type: "String", Required: true, Desc: full.Params[0].Desc}, full.Params[0])
	assert.False(t, full.Params[2].Required)

	trade, err := Lookup(apis, apiFullInfo+":trade")
	require.NoError(t, err)
	var orders *Field
	for _, f := range trade {
		if f.Name == "orders" {
			orders = f
		}
	}
	require.NotNil(t, orders)
	assert.True(t, orders.List)
	assert.Equal(t, "Order", orders.Type)
	oid := orders.Child("oid")
	require.NotNil(t, oid)
	assert.Equal(t, "Number", oid.Type)
	sort := orders.Child("sort_info")
	require.NotNil(t, sort)
	assert.Len(t, sort.Children, 2)

	trace, err := Lookup(apis, apiTrace)
	require.NoError(t, err)
	require.Len(t, trace, 5)
	assert.Equal(t, "TransitStepInfo", trace[4].Type)
	assert.True(t, trace[4].List)

	off := apis[apiOffline]
	assert.Equal(t, `{"maxListSize": 50}`, off.Params[7].Extra)
}

func TestParseErrors(t *testing.T) {
	for name, md := range map[string]string{
		"duplicate API": "## a.b — x\n## a.b — y\n",
		"odd indent":    "## a.b — x\n### Response fields\n- `x` (Trade): t\n   - `y` (String): s\n",
		"too deep":      "## a.b — x\n### Response fields\n    - `y` (String): s\n",
		"bad field":     "## a.b — x\n### Response fields\n- `y` String\n",
		"short row":     "## a.b — x\n### Request parameters\n| `a` | String |\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Parse([]byte(md))
			assert.Error(t, err)
		})
	}
}

func TestGoName(t *testing.T) {
	for in, want := range map[string]string{
		"tid":            "Tid",
		"num_iid":        "NumIid",
		"buyer_open_uid": "BuyerOpenUID",
		"snapshot_url":   "SnapshotURL",
		"alipay_id":      "AlipayID",
		"is_3D":          "Is3D",
		"o2o_shop_id":    "O2OShopID",
		"openuid":        "OpenUID",
		"oaid":           "Oaid",
		"seller_ip":      "SellerIP",
		"q_r_pay":        "QRPay",
	} {
		assert.Equal(t, want, GoName(in), in)
	}
}

func TestSnake(t *testing.T) {
	for in, want := range map[string]string{
		"Order":              "order",
		"LogisticsTag":       "logistics_tag",
		"TransitStepInfo":    "transit_step_info",
		"LogisticServiceTag": "logistic_service_tag",
		"SingleResultDto":    "single_result_dto",
	} {
		assert.Equal(t, want, snake(in), in)
	}
}

var moneyDesc = regexp.MustCompile(`精确到|单位[:：]\s*元|单位为元`)

// TestMoneyFields checks that every String amount the docs give in yuan is
// typed Money, and that every type override names a documented field.
func TestMoneyFields(t *testing.T) {
	m, err := Load()
	require.NoError(t, err)
	used := map[string]bool{}
	for _, s := range m.Structs {
		for _, f := range s.Fields {
			key := s.Name + "." + f.JSON
			if _, ok := typeOverrides[key]; ok {
				used[key] = true
			}
			if f.doc == nil || f.doc.Type != "String" || f.doc.List {
				continue
			}
			if moneyDesc.MatchString(f.doc.Desc) && !notMoney[key] {
				assert.Equal(t, "Money", f.Type, "%s is an amount in yuan", key)
			}
		}
	}
	for key := range typeOverrides {
		assert.True(t, used[key], "override %s names no documented field", key)
	}
}

func TestFieldSets(t *testing.T) {
	m, err := Load()
	require.NoError(t, err)
	full := m.FieldSets["TradeFullFields"]
	assert.Contains(t, full, "orders")
	assert.Contains(t, full, "promotion_details")
	assert.NotContains(t, full, "async_modified", "fullinfo does not document it")
	for _, n := range full {
		assert.NotContains(t, n, ".", "nested fields are asked for by their list's name")
	}
	list := m.FieldSets["TradeListFields"]
	for _, n := range list {
		assert.Contains(t, m.FieldSets["TradeSoldFields"], n)
		assert.Contains(t, m.FieldSets["TradeIncrementFields"], n)
	}
	detail := m.FieldSets["ShippingDetailFields"]
	assert.Contains(t, detail, "receiver_location")
	assert.NotContains(t, detail, "location")
	assert.Equal(t, []string{"id", "code", "name", "reg_mail_no"}, m.FieldSets["CompanyFields"])
}

// TestGlossary checks that every field has a gloss and every gloss names a
// field (a typo would silently fall back to the generic comment).
func TestGlossary(t *testing.T) {
	m, err := Load()
	require.NoError(t, err)
	used := map[string]bool{}
	for _, s := range m.Structs {
		for _, f := range s.Fields {
			assert.NotContains(t, f.Comment, "do not explain", "%s.%s has no gloss", s.Name, f.JSON)
			used[s.Name+"."+f.JSON] = true
			used[f.JSON] = true
		}
		_, ok := typeGlossary[s.Name]
		assert.True(t, ok, "type %s has no gloss", s.Name)
	}
	for k := range glossary() {
		assert.True(t, used[k], "gloss %q names no field", k)
	}
}

// TestRefundModel checks the typing decisions for the refund APIs.
func TestRefundModel(t *testing.T) {
	m, err := Load()
	require.NoError(t, err)
	r := m.Struct("Refund")
	require.NotNil(t, r)
	assert.Equal(t, "refund", r.File)
	assert.True(t, r.Listed)
	types := map[string]string{}
	for _, f := range r.Fields {
		types[f.JSON] = f.Type
	}
	for json, want := range map[string]string{
		"refund_id": "int64", "refund_fee": "Money", "total_fee": "Money", "payment": "Money", "price": "Money",
		"status": "RefundStatus", "good_status": "RefundGoodStatus", "refund_phase": "RefundPhase",
		"dispute_type": "DisputeType", "cs_status": "CSStatus", "advance_status": "AdvanceStatus",
		"refund_version": "int64", "modified": "Time", "refund_remind_timeout": "*RefundRemindTimeout",
		"combine_item_info": "[]RefundCombineItem", "split_seller_fee": "string",
	} {
		assert.Equal(t, want, types[json], json)
	}
	// The trade's bundle components keep their own type.
	trade := m.Struct("CombineSubItem")
	require.NotNil(t, trade)
	assert.Equal(t, "trade", trade.File)
	item := m.Struct("RefundCombineItem")
	require.NotNil(t, item)
	assert.Equal(t, "combine_sub_item_do", item.ListKey)
	assert.Contains(t, m.FieldSets["RefundListFields"], "refund_version")
	assert.NotContains(t, m.FieldSets["RefundListFields"], "address", "refund.get's only")
	assert.Contains(t, m.FieldSets["RefundGetFields"], "refund_remind_timeout")
}
