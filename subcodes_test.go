package taobao_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
)

func TestLookupSubCode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		sub      string
		ok       bool
		key      string
		class    taobao.ErrorClass
		sentinel error
	}{
		{"isv.logistics-offline-service-error:B04", true, "B04", taobao.ClassAlreadyDone, taobao.ErrAlreadyShipped},
		{"isv.logistics-dummy-service-error:B27", true, "B27", taobao.ClassAlreadyDone, taobao.ErrAlreadyShipped},
		{"isv.logistics-online-service-error:B60", true, "B60", taobao.ClassCallerError, taobao.ErrInvalidWaybill},
		{"isv.logistics-online-service-error:F05", true, "F05", taobao.ClassCallerError, taobao.ErrInvalidWaybill},
		{"isv.logistics-update-company-or-mailno-error:P07", true, "P07", taobao.ClassAlreadyDone, taobao.ErrNoChange},
		{"isv.logistics-update-company-or-mailno-error:P08", true, "P08", taobao.ClassCallerError, nil},
		{"isv.logistics-offline-service-error:B01", true, "B01", taobao.ClassCallerError, taobao.ErrNotFound},
		{"isv.logistics-offline-service-error:B150", true, "B150", taobao.ClassRetryable, nil},
		{"isv.logistics-online-service-error:CD25", true, "CD25", taobao.ClassCallerError, taobao.ErrInvalidArgument},
		{"isp.logistics-online-service-error:S01", true, "isp.logistics-online-service-error:S01", taobao.ClassRetryable, nil},
		{"isv.trade-not-exist", true, "isv.trade-not-exist", taobao.ClassCallerError, taobao.ErrNotFound},
		{"isv.missing-parameter:tid", true, "isv.missing-parameter", taobao.ClassCallerError, taobao.ErrInvalidArgument},
		{"isp.system-busy", true, "isp.system-busy", taobao.ClassRetryable, nil},
		{"accesscontrol.limited-by-app-access-count", true, "accesscontrol.limited-by-app-access-count", taobao.ClassCallerError, taobao.ErrBanned},
		{"isv.logistics-online-service-error:CD21", false, "", "", nil},
		{"isv.logistics-offline-service-error:", false, "", "", nil},
		{"isv.no-such-code", false, "", "", nil},
		{"", false, "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.sub, func(t *testing.T) {
			info, ok := taobao.LookupSubCode(tt.sub)
			require.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.key, info.SubCode)
			assert.Equal(t, tt.class, info.Class)
			assert.Equal(t, tt.sentinel, info.Sentinel)
		})
	}
}

// TestCatalogue checks every entry: both meanings, one of the three
// classes, errors.Is agreeing with the sentinel it names, and Retryable
// agreeing with its class where the client retries by sub_code.
func TestCatalogue(t *testing.T) {
	t.Parallel()
	all := taobao.SubCodes()
	require.NotEmpty(t, all)
	sentinels := []error{taobao.ErrAlreadyShipped, taobao.ErrInvalidWaybill, taobao.ErrNoChange, taobao.ErrNotFound,
		taobao.ErrInvalidArgument, taobao.ErrInvalidSession, taobao.ErrPermissionDenied, taobao.ErrBanned}
	seen := map[string]bool{}
	for _, info := range all {
		t.Run(info.SubCode, func(t *testing.T) {
			assert.False(t, seen[info.SubCode], "listed twice")
			seen[info.SubCode] = true
			assert.NotEmpty(t, info.Meaning)
			assert.NotEmpty(t, info.MeaningZH)
			assert.Contains(t, []taobao.ErrorClass{taobao.ClassRetryable, taobao.ClassCallerError, taobao.ClassAlreadyDone}, info.Class)
			sub := info.SubCode
			if strings.ToUpper(sub) == sub { // a logistics short code
				sub = "isv.logistics-offline-service-error:" + sub
			}
			e := &taobao.APIError{Code: 15, SubCode: sub}
			for _, s := range sentinels {
				assert.Equal(t, info.Sentinel == s, errors.Is(e, s), "%s matching %v", sub, s)
			}
			if strings.HasPrefix(sub, "isp.") {
				assert.True(t, e.Retryable())
			}
			if info.Class != taobao.ClassRetryable {
				assert.False(t, e.Retryable())
			}
		})
	}
	for _, want := range []string{"B04", "B27", "B60", "F01", "F06", "P07", "B01", "isv.trade-not-exist", "isp.system-busy"} {
		assert.True(t, seen[want], want)
	}
}
