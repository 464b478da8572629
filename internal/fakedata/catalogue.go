package fakedata

import (
	"strconv"

	"github.com/toptrade/taobao"
)

// Item is a product of the fake catalogue, sold in one of its SKUs.
type Item struct {
	NumIid   int64  // the item's numeric id
	Title    string // the listing title
	Cid      int64  // the leaf category id
	OuterIid string // the seller's own item code
	PicPath  string // the main picture
	Skus     []Sku  // at least one
}

// Sku is one variant of an item, with its own price.
type Sku struct {
	SkuID      string       // TOP's sku id (digits)
	Properties string       // sku_properties_name, e.g. "颜色分类:黑色;尺码:XL"
	OuterSkuID string       // the seller's own variant code
	Price      taobao.Money // unit price
}

// itemTemplate describes an item; its SKUs are the cross product of the
// two option lists (the second may be empty), priced from base upward.
type itemTemplate struct {
	title  string
	cid    int64
	base   taobao.Money
	dim1   string
	opts1  []string
	dim2   string
	opts2  []string
	weight int // how often buyers pick it
}

var itemTemplates = []itemTemplate{
	{"纯棉短袖T恤男夏季宽松圆领半袖打底衫", 50000436, 3900, "颜色分类", []string{"白色", "黑色", "藏青"}, "尺码", []string{"M", "L", "XL", "XXL"}, 9},
	{"冰丝阔腿裤女高腰垂感休闲裤", 162205, 5990, "颜色分类", []string{"黑色", "杏色"}, "尺码", []string{"S", "M", "L"}, 7},
	{"德国316不锈钢菜板家用抗菌砧板", 50003449, 8900, "规格", []string{"小号32.5*21.5", "大号40*28"}, "", nil, 5},
	{"天然绿檀木梳子防静电按摩梳", 50002816, 3800, "颜色分类", []string{"绿檀大圆把", "绿檀小扁梳"}, "", nil, 4},
	{"无线蓝牙耳机降噪入耳式超长续航", 50005050, 19900, "颜色分类", []string{"曜石黑", "珍珠白"}, "", nil, 6},
	{"手机壳硅胶全包防摔保护套", 50024094, 1990, "适用型号", []string{"iPhone 15", "iPhone 15 Pro", "华为Mate 60"}, "颜色分类", []string{"透明", "磨砂黑"}, 8},
	{"新疆阿克苏冰糖心苹果5斤装", 50009821, 3590, "规格", []string{"5斤中果", "5斤大果", "10斤中果"}, "", nil, 7},
	{"云南古树普洱茶熟茶饼357g", 50013008, 12800, "年份", []string{"2018年", "2020年"}, "", nil, 3},
	{"加厚珊瑚绒毛毯冬季午睡毯", 50008292, 6900, "尺寸", []string{"100*150cm", "150*200cm", "200*230cm"}, "颜色分类", []string{"灰色", "粉色"}, 5},
	{"儿童保温杯带吸管316不锈钢水杯", 50010361, 7900, "容量", []string{"400ml", "600ml"}, "颜色分类", []string{"恐龙绿", "独角兽粉"}, 5},
	{"办公室人体工学椅电脑椅可躺", 50020579, 59900, "颜色分类", []string{"黑色网布", "灰色网布"}, "", nil, 2},
	{"机械键盘青轴有线游戏键盘87键", 50012320, 15900, "轴体", []string{"青轴", "红轴", "茶轴"}, "", nil, 4},
	{"洗衣凝珠持久留香家庭装52颗", 50016890, 4990, "规格", []string{"52颗", "104颗"}, "", nil, 6},
	{"抽纸餐巾纸家用实惠装24包", 50018963, 3290, "规格", []string{"24包", "48包"}, "", nil, 8},
	{"跑步鞋男款轻便透气运动鞋", 50012043, 26900, "颜色分类", []string{"黑白", "全黑", "灰蓝"}, "鞋码", []string{"40", "41", "42", "43", "44"}, 5},
	{"真丝眼罩睡眠遮光透气", 50025883, 2990, "颜色分类", []string{"香槟色", "酒红色"}, "", nil, 3},
	{"猫粮成猫幼猫通用鱼肉味10kg", 50026316, 16900, "规格", []string{"2.5kg", "10kg"}, "", nil, 5},
	{"LED台灯护眼学习书桌宿舍", 50017183, 8900, "颜色分类", []string{"白色", "粉色"}, "", nil, 4},
	{"不粘锅炒锅家用麦饭石炒菜锅", 50002807, 12900, "尺寸", []string{"30cm", "32cm"}, "", nil, 4},
	{"双肩包男大容量电脑包旅行背包", 50012019, 13900, "颜色分类", []string{"黑色", "灰色"}, "", nil, 4},
	{"羽绒服女中长款加厚白鸭绒外套", 50008899, 59900, "颜色分类", []string{"黑色", "米白", "雾霾蓝"}, "尺码", []string{"S", "M", "L", "XL"}, 3},
	{"电动牙刷成人声波软毛充电式", 50018261, 9900, "颜色分类", []string{"白色", "黑色"}, "", nil, 5},
	{"蚕丝被100%桑蚕丝夏凉被", 50008293, 39900, "尺寸", []string{"150*200cm", "200*230cm"}, "", nil, 2},
	{"坚果礼盒每日坚果30袋混合装", 50010566, 8990, "规格", []string{"30袋", "60袋"}, "", nil, 6},
}

// catalogue is the fixed item list every seller draws from.
var catalogue = func() []Item {
	items := make([]Item, len(itemTemplates))
	for i, t := range itemTemplates {
		numIid := int64(520000000000 + i*7919137)
		it := Item{
			NumIid:   numIid,
			Title:    t.title,
			Cid:      t.cid,
			OuterIid: "HH" + strconv.Itoa(1001+i),
			PicPath:  "https://img.alicdn.com/bao/uploaded/i" + strconv.Itoa(1+i%4) + "/fake/" + strconv.FormatInt(numIid, 10) + ".jpg",
		}
		opts2 := t.opts2
		if len(opts2) == 0 {
			opts2 = []string{""}
		}
		n := 0
		for a, o1 := range t.opts1 {
			for b, o2 := range opts2 {
				props := t.dim1 + ":" + o1
				outer := it.OuterIid + "-" + strconv.Itoa(a+1)
				if o2 != "" {
					props += ";" + t.dim2 + ":" + o2
					outer += "-" + strconv.Itoa(b+1)
				}
				it.Skus = append(it.Skus, Sku{
					SkuID:      strconv.FormatInt(4000000000000+numIid%1000000*100+int64(n), 10),
					Properties: props,
					OuterSkuID: outer,
					Price:      t.base + taobao.Money(a*500+b*300),
				})
				n++
			}
		}
		items[i] = it
	}
	return items
}()

// Catalogue returns the items the fake sellers sell. The slice is new on
// every call; the items' SKU slices are shared and must not be changed.
func Catalogue() []Item { return append([]Item(nil), catalogue...) }

// region is a receiver's area: province, city, district, a town in it and
// its postcode, with the street part of an address and its masked form.
type region struct {
	state, city, district, town, zip string
	streets                          []string
}

var regions = []region{
	{"浙江省", "杭州市", "西湖区", "文新街道", "310012", []string{"文一西路", "古墩路", "丰潭路"}},
	{"浙江省", "杭州市", "余杭区", "五常街道", "311121", []string{"五常大道", "文一西路", "荆长路"}},
	{"浙江省", "宁波市", "鄞州区", "钟公庙街道", "315100", []string{"天童南路", "鄞县大道"}},
	{"上海", "上海市", "浦东新区", "张江镇", "201203", []string{"张衡路", "祖冲之路", "碧波路"}},
	{"上海", "上海市", "徐汇区", "漕河泾街道", "200233", []string{"宜山路", "田林路"}},
	{"北京", "北京市", "朝阳区", "望京街道", "100102", []string{"阜通东大街", "广顺北大街"}},
	{"北京", "北京市", "海淀区", "中关村街道", "100080", []string{"中关村大街", "海淀大街"}},
	{"广东省", "广州市", "天河区", "石牌街道", "510630", []string{"天河路", "体育西路", "石牌西路"}},
	{"广东省", "深圳市", "南山区", "粤海街道", "518057", []string{"科技园南路", "高新南一道"}},
	{"江苏省", "南京市", "鼓楼区", "宁海路街道", "210024", []string{"北京西路", "宁海路"}},
	{"江苏省", "苏州市", "工业园区", "斜塘街道", "215028", []string{"星湖街", "现代大道"}},
	{"四川省", "成都市", "武侯区", "玉林街道", "610041", []string{"玉林北路", "科华北路"}},
	{"湖北省", "武汉市", "洪山区", "珞南街道", "430070", []string{"珞喻路", "雄楚大道"}},
	{"河南省", "郑州市", "管城回族区", "南关街道", "450000", []string{"南关街", "紫荆山路"}},
	{"辽宁省", "沈阳市", "苏家屯区", "民主街道", "110101", []string{"民主街", "枫杨路"}},
	{"陕西省", "西安市", "雁塔区", "小寨路街道", "710061", []string{"长安中路", "小寨东路"}},
	{"山东省", "青岛市", "市南区", "八大关街道", "266071", []string{"香港中路", "东海西路"}},
	{"福建省", "厦门市", "思明区", "鹭江街道", "361001", []string{"中山路", "鹭江道"}},
	{"重庆", "重庆市", "渝中区", "解放碑街道", "400010", []string{"民族路", "邹容路"}},
	{"新疆维吾尔自治区", "乌鲁木齐市", "天山区", "燕儿窝街道", "830002", []string{"新华南路", "解放南路"}},
}

// Surnames and given-name characters for receivers; only the surname
// survives the masking, but the mask's length follows the full name.
var (
	surnames   = []string{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "屈", "闫", "欧阳"}
	buyerWords = []string{"小熊", "阿狸", "橘子", "木木", "清风", "星星", "大白", "糖糖", "可乐", "月亮", "小鱼", "豆豆"}
	messages   = []string{"请尽快发货，谢谢", "麻烦帮忙检查一下再发", "不要放快递柜，送货上门", "送人的，不要放价格单", "周末在家，工作日放门卫"}
	memos      = []string{"老客户，优先发货", "赠品已备注", "地址已电话确认", "缺货，等补货"}
)

// warehouseCities are where sellers ship from, for the trace steps.
var warehouseCities = []string{"杭州市", "广州市", "义乌市", "上海市", "苏州市", "深圳市", "泉州市"}
