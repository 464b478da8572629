package taobao_test

// The README's Go snippets are the sections between "readme:begin" and
// "readme:end" below, copied as they are: TestREADMESnippets fails when the
// two differ, so that every snippet compiles, and these tests run them.

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

func readmeFirstCall(ctx context.Context, appKey, appSecret, sellerSession string) error {
	// readme:begin first-call
	c, err := taobao.NewClient(appKey, appSecret, taobao.WithSession(sellerSession))
	if err != nil {
		return err
	}
	var out struct {
		Time taobao.Time `json:"time"`
	}
	if err := c.Call(ctx, "taobao.time.get", nil, &out); err != nil {
		return err
	}
	fmt.Println("the gateway's clock:", out.Time)
	// readme:end
	return nil
}

func readmeTrades(ctx context.Context, c *taobao.Client, tid int64) error {
	// readme:begin trades
	page, err := c.Trades.ListSold(ctx, &taobao.SoldListOptions{
		Status:      taobao.TradeStatusWaitSellerSendGoods,
		ListOptions: taobao.ListOptions{PageSize: 100},
	})
	if err != nil {
		return err
	}
	for _, t := range page.Trades {
		fmt.Println(t.Tid, t.Status, t.Payment) // Payment is taobao.Money: exact fen, prints "199.99"
	}

	full, err := c.Trades.FullInfo(ctx, tid, nil) // every documented field, orders included
	if err != nil {
		return err
	}
	fmt.Println(full.ReceiverCity, len(full.Orders))

	for t, err := range c.Trades.ListSoldIter(ctx, nil) { // every page, has_next paging
		if err != nil {
			return err
		}
		fmt.Println(t.Tid)
	}
	// readme:end
	return nil
}

func readmeShip(ctx context.Context, c *taobao.Client, tid int64) error {
	// readme:begin ship
	// The waybill number, then the carrier's code (taobao.logistics.companies.get).
	res, err := c.Logistics.OfflineSend(ctx, tid, "SF1234567890123", "SF", nil)
	switch {
	case err == nil:
		fmt.Println("shipped:", res.IsSuccess)
	case errors.Is(err, taobao.ErrOutcomeUnknown):
		// sent, but no answer: read the trade before sending again
	case errors.Is(err, taobao.ErrAlreadyShipped):
		// B04, B27: already shipped (perhaps by the first send)
	case errors.Is(err, taobao.ErrInvalidWaybill):
		// B60, F01-F06: the carrier's rule refuses the number, or it was used
		return fmt.Errorf("trade %d: %w", tid, err)
	default:
		return err
	}
	trace, err := c.Logistics.Trace(ctx, tid, nil)
	if err != nil {
		return err
	}
	fmt.Println(trace.CompanyName, trace.OutSid, trace.Status)
	// readme:end
	return nil
}

// tradeStore is a service's own store of trades, for the sync snippet.
type tradeStore struct {
	mu     sync.Mutex
	trades map[int64]taobao.Trade
}

// Upsert keeps the newest version of a trade.
func (s *tradeStore) Upsert(_ context.Context, t *taobao.Trade) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if old, ok := s.trades[t.Tid]; !ok || !t.Modified.Before(old.Modified.Time) {
		s.trades[t.Tid] = *t
	}
	return nil
}

func readmeSync(ctx context.Context, c *taobao.Client, store *tradeStore, checkpoint string) error {
	// readme:begin sync
	s := taobao.NewTradeSyncer(c, taobao.NewFileCheckpoint(checkpoint), nil)
	err := s.Run(ctx, func(ctx context.Context, t *taobao.Trade) error {
		return store.Upsert(ctx, t) // idempotent, newest modified wins: a trade may come twice
	})
	// readme:end
	return err
}

func TestREADMEFirstCall(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // the production gateway is not reached from a test
	assert.ErrorIs(t, readmeFirstCall(ctx, "12345678", "secret", "session"), context.Canceled)
}

func TestREADMETradesShipAndSync(t *testing.T) {
	srv := taobaotest.NewServer(taobaotest.WithSellers("shop"), taobaotest.WithTrades(30))
	defer srv.Close()
	c := srv.Client(srv.NewSession("shop"))
	ctx := context.Background()
	var waiting int64
	for _, tr := range srv.Trades("shop") {
		if tr.Status == taobao.TradeStatusWaitSellerSendGoods {
			waiting = tr.Tid
		}
	}
	require.NotZero(t, waiting)
	require.NoError(t, readmeTrades(ctx, c, waiting))
	require.NoError(t, readmeShip(ctx, c, waiting))
	err := readmeShip(ctx, c, waiting)
	require.NoError(t, err, "a second send is ErrAlreadyShipped, which the snippet takes as done")

}

func TestREADMESync(t *testing.T) {
	dir := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		srv := taobaotest.NewInProcessServer(taobaotest.WithSellers("shop"), taobaotest.WithTrades(30))
		c := srv.Client(srv.NewSession("shop"))
		store := &tradeStore{trades: map[int64]taobao.Trade{}}
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(10*time.Minute, cancel) // ten minutes of polling, in the bubble's time
		err := readmeSync(ctx, c, store, dir+"/seller.checkpoint")
		require.ErrorIs(t, err, context.Canceled)
		require.NotEmpty(t, store.trades)
		for _, want := range srv.Trades("shop") {
			if got, ok := store.trades[want.Tid]; ok {
				assert.True(t, got.Modified.Equal(want.Modified.Time), "trade %d is the newest version", want.Tid)
			}
		}
	})
}

func TestREADMETestingWithTaobaotest(t *testing.T) {
	ctx := context.Background()
	// readme:begin taobaotest
	srv := taobaotest.NewServer(taobaotest.WithTrades(0))
	defer srv.Close()
	c, err := taobao.NewClient(srv.AppKey, srv.AppSecret, taobao.WithBaseURL(srv.URL), taobao.WithSession(srv.NewSession("my-shop")))
	if err != nil {
		t.Fatal(err)
	}
	added := srv.AddTrade("my-shop", taobao.Trade{Status: taobao.TradeStatusWaitSellerSendGoods, Payment: taobao.Yuan(199)})
	got, err := c.Trades.FullInfo(ctx, added.Tid, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != taobao.TradeStatusWaitSellerSendGoods || got.Payment != taobao.Yuan(199) {
		t.Errorf("got %s, %s", got.Status, got.Payment)
	}
	// readme:end
}

func TestREADMEBetweenPages(t *testing.T) {
	srv := taobaotest.NewServer(taobaotest.WithSellers("shop"), taobaotest.WithTrades(120))
	defer srv.Close()
	c := srv.Client(srv.NewSession("shop"))
	tid := srv.Trades("shop")[0].Tid
	// readme:begin between-pages
	srv.BetweenPages(func(method string, pageNo int) {
		if method == "taobao.trades.sold.get" && pageNo == 1 {
			// A change between two page reads: the trade moves up the list.
			srv.ModifyTrade(tid, func(t *taobao.Trade) { t.Status = taobao.TradeStatusTradeClosedByTaobao })
		}
	})
	// readme:end
	var seen int
	for _, err := range c.Trades.ListSoldIter(context.Background(), &taobao.SoldListOptions{ListOptions: taobao.ListOptions{PageSize: 50}}) {
		require.NoError(t, err)
		seen++
	}
	assert.Positive(t, seen)
	assert.Equal(t, taobao.TradeStatusTradeClosedByTaobao, srv.Trades("shop")[0].Status)
}

func TestREADMEFaults(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := taobaotest.NewInProcessServer(taobaotest.WithSellers("shop"), taobaotest.WithTrades(3))
		c := srv.Client(srv.NewSession("shop"))
		// readme:begin faults
		srv.FailNext("taobao.trades.sold.get", 1, &taobao.APIError{Code: 15, SubCode: "isp.system-busy"})
		srv.FailNextHTTP("*", 1, http.StatusBadGateway)  // an HTML error page from a proxy
		srv.TruncateNext("taobao.trade.fullinfo.get", 1) // half an answer
		srv.DelayNext("taobao.trades.sold.get", 1, 3*time.Second)
		n := srv.Calls("taobao.trades.sold.get") // and srv.CallLog()
		// readme:end
		assert.Zero(t, n)
		start := time.Now()
		_, err := c.Trades.ListSold(context.Background(), nil)
		require.NoError(t, err, "retried past the faults")
		assert.GreaterOrEqual(t, time.Since(start), 3*time.Second, "the delay, in the bubble's time")
	})
}

func TestREADMECallLimit(t *testing.T) {
	// readme:begin call-limit
	// A call-rate limit per app key and method: over it, code 7 with
	// "This ban will last for N more seconds", as the gateway's flow control.
	limited := taobaotest.NewServer(taobaotest.WithCallLimit(100, time.Second))
	defer limited.Close()
	// readme:end
	assert.NotEmpty(t, limited.URL)
}

func readmeOAuth(appKey, appSecret string, newState func(http.ResponseWriter) string, stateOf func(*http.Request) string,
	keep func(*taobao.Client)) (*http.ServeMux, error) {
	// readme:begin oauth
	conf := &taobao.OAuthConfig{
		AppKey:      appKey,
		AppSecret:   appSecret,
		RedirectURL: "https://isv.example.com/taobao/callback", // the callback registered for the app
		// View: "tmall" or "wap" for another page style; AuthURL/TokenURL default to oauth.taobao.com
	}
	if err := conf.Validate(); err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	// /login: a random state per login, kept for this browser (a cookie), then off to Taobao.
	mux.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, conf.AuthCodeURL(newState(w)), http.StatusFound)
	})
	// /callback: check the state, then trade the code (single-use, minutes-long) for the session.
	mux.HandleFunc("/callback", func(w http.ResponseWriter, r *http.Request) {
		code, err := conf.ParseCallback(r, stateOf(r)) // ErrOAuthState, ErrAccessDenied
		if err != nil {
			http.Error(w, "authorization failed", http.StatusBadRequest)
			return
		}
		tok, err := conf.Exchange(r.Context(), code) // *taobao.Token
		if err != nil {
			http.Error(w, "authorization failed", http.StatusBadGateway)
			return
		}
		c, err := taobao.NewClient(appKey, appSecret, taobao.WithTokenSource(conf.TokenSource(context.WithoutCancel(r.Context()), tok)))
		if err != nil {
			http.Error(w, "authorization failed", http.StatusInternalServerError)
			return
		}
		keep(c) // the seller's client, refreshing its session as needed
	})
	// readme:end
	return mux, nil
}

func TestREADMEOAuth(t *testing.T) {
	var kept *taobao.Client
	mux, err := readmeOAuth("12345678", "secret", func(http.ResponseWriter) string { return "s1" },
		func(*http.Request) string { return "s1" }, func(c *taobao.Client) { kept = c })
	require.NoError(t, err)
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/login", nil))
	assert.Equal(t, http.StatusFound, rec.Code)
	loc, err := url.Parse(rec.Header().Get("Location"))
	require.NoError(t, err)
	assert.Equal(t, "s1", loc.Query().Get("state"))
	rec = httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/callback?state=other&code=x", nil))
	assert.Equal(t, http.StatusBadRequest, rec.Code, "a wrong state is refused")
	assert.Nil(t, kept)
}

func TestREADMEOAuthTesting(t *testing.T) {
	ctx := context.Background()
	// readme:begin oauth-testing
	gw := taobaotest.NewServer(taobaotest.WithTokenTTL(time.Hour, 0))
	defer gw.Close()
	conf := gw.OAuthConfig("https://isv.example.com/cb")                       // aimed at gw's /authorize and /token
	tok, err := conf.Exchange(ctx, gw.NewAuthCode("seller", conf.RedirectURL)) // a code without the browser
	if err != nil {
		t.Fatal(err)
	}
	c := gw.Client("", taobao.WithTokenSource(conf.TokenSource(ctx, tok)))
	gw.Advance(time.Hour)                                  // the session dies on the gateway
	if _, err := c.Trades.ListSold(ctx, nil); err != nil { // rejected, refreshed once, and retried
		t.Fatal(err)
	}
	if n := gw.TokenRequests("refresh_token"); n != 1 {
		t.Errorf("%d refreshes, want 1", n)
	}
	// readme:end
}
