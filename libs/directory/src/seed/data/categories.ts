import type { CategorySeed } from '../seed-types';

/**
 * Default demand categories (诉求分类, docs/product.md, "Reference data"): 大类 › 中类 › 小类.
 * Codes are stable and hierarchical: level 1 `NN`, level 2 parent + `NN`, level 3 parent + `NN`.
 * New nodes take the next free number under their parent; codes are never reused.
 */
export const CATEGORIES: readonly CategorySeed[] = [
  {
    code: '01',
    name: '城市管理',
    children: [
      {
        code: '0101',
        name: '市容环境',
        children: [
          { code: '010101', name: '占道经营' },
          { code: '010102', name: '乱堆乱放' },
          { code: '010103', name: '环境卫生' },
          { code: '010104', name: '户外广告' },
          { code: '010105', name: '小广告乱贴乱画' },
          { code: '010106', name: '露天烧烤' },
          { code: '010107', name: '店外经营' },
        ],
      },
      {
        code: '0102',
        name: '违法建设',
        children: [
          { code: '010201', name: '私搭乱建' },
          { code: '010202', name: '违法占地建设' },
          { code: '010203', name: '地下空间违规使用' },
        ],
      },
      {
        code: '0103',
        name: '垃圾分类与清运',
        children: [
          { code: '010301', name: '垃圾分类' },
          { code: '010302', name: '生活垃圾清运不及时' },
          { code: '010303', name: '建筑垃圾渣土' },
          { code: '010304', name: '大件垃圾' },
        ],
      },
      {
        code: '0104',
        name: '园林绿化',
        children: [
          { code: '010401', name: '树木修剪' },
          { code: '010402', name: '绿地破坏' },
          { code: '010403', name: '病虫害防治' },
          { code: '010404', name: '杨柳飞絮' },
        ],
      },
      {
        code: '0105',
        name: '市政设施',
        children: [
          { code: '010501', name: '井盖缺失破损' },
          { code: '010502', name: '路灯不亮' },
          { code: '010503', name: '公共厕所' },
          { code: '010504', name: '桥梁隧道设施' },
        ],
      },
      {
        code: '0106',
        name: '施工管理',
        children: [
          { code: '010601', name: '施工围挡' },
          { code: '010602', name: '道路遗撒' },
          { code: '010603', name: '施工占道' },
        ],
      },
    ],
  },
  {
    code: '02',
    name: '城乡建设与住房',
    children: [
      {
        code: '0201',
        name: '物业管理',
        children: [
          { code: '020101', name: '物业服务质量' },
          { code: '020102', name: '物业收费' },
          { code: '020103', name: '电梯运行维护' },
          { code: '020104', name: '公共区域维修' },
          { code: '020105', name: '业主委员会' },
          { code: '020106', name: '小区门禁与安保' },
        ],
      },
      {
        code: '0202',
        name: '房屋质量与安全',
        children: [
          { code: '020201', name: '房屋漏雨渗水' },
          { code: '020202', name: '房屋质量问题' },
          { code: '020203', name: '危房险情' },
          { code: '020204', name: '违规装修' },
        ],
      },
      {
        code: '0203',
        name: '老旧小区改造',
        children: [
          { code: '020301', name: '改造进度' },
          { code: '020302', name: '加装电梯' },
          { code: '020303', name: '改造施工质量' },
        ],
      },
      {
        code: '0204',
        name: '房屋征收与拆迁',
        children: [
          { code: '020401', name: '征收补偿' },
          { code: '020402', name: '回迁安置' },
        ],
      },
      {
        code: '0205',
        name: '房地产市场',
        children: [
          { code: '020501', name: '商品房交房延期' },
          { code: '020502', name: '房屋租赁' },
          { code: '020503', name: '房地产中介' },
          { code: '020504', name: '购房资格' },
        ],
      },
      {
        code: '0206',
        name: '保障性住房',
        children: [
          { code: '020601', name: '公租房' },
          { code: '020602', name: '共有产权房' },
          { code: '020603', name: '住房补贴' },
        ],
      },
    ],
  },
  {
    code: '03',
    name: '公用事业',
    children: [
      {
        code: '0301',
        name: '供水',
        children: [
          { code: '030101', name: '停水' },
          { code: '030102', name: '水质问题' },
          { code: '030103', name: '水压不足' },
          { code: '030104', name: '水费' },
          { code: '030105', name: '供水管道漏水' },
        ],
      },
      {
        code: '0302',
        name: '供电',
        children: [
          { code: '030201', name: '停电' },
          { code: '030202', name: '电压不稳' },
          { code: '030203', name: '电费' },
          { code: '030204', name: '电力设施隐患' },
        ],
      },
      {
        code: '0303',
        name: '燃气',
        children: [
          { code: '030301', name: '燃气泄漏' },
          { code: '030302', name: '停气' },
          { code: '030303', name: '燃气费' },
          { code: '030304', name: '燃气设施报修' },
        ],
      },
      {
        code: '0304',
        name: '供热',
        children: [
          { code: '030401', name: '暖气不热' },
          { code: '030402', name: '供热费' },
          { code: '030403', name: '供热管道跑冒滴漏' },
          { code: '030404', name: '供热时间' },
        ],
      },
      {
        code: '0305',
        name: '排水',
        children: [
          { code: '030501', name: '污水外溢' },
          { code: '030502', name: '雨水管道堵塞' },
          { code: '030503', name: '道路积水' },
          { code: '030504', name: '化粪池' },
        ],
      },
      {
        code: '0306',
        name: '通信',
        children: [
          { code: '030601', name: '网络信号' },
          { code: '030602', name: '资费争议' },
          { code: '030603', name: '宽带故障' },
          { code: '030604', name: '骚扰电话' },
          { code: '030605', name: '通信设施' },
        ],
      },
      {
        code: '0307',
        name: '有线电视',
        children: [
          { code: '030701', name: '信号故障' },
          { code: '030702', name: '有线电视收费' },
          { code: '030703', name: '安装维修' },
        ],
      },
    ],
  },
  {
    code: '04',
    name: '交通运输',
    children: [
      {
        code: '0401',
        name: '公交',
        children: [
          { code: '040101', name: '线路站点' },
          { code: '040102', name: '驾乘人员服务' },
          { code: '040103', name: '车辆运营' },
          { code: '040104', name: '公交卡' },
        ],
      },
      {
        code: '0402',
        name: '地铁',
        children: [
          { code: '040201', name: '地铁运营服务' },
          { code: '040202', name: '地铁设施故障' },
          { code: '040203', name: '拥挤与乘车安全' },
        ],
      },
      {
        code: '0403',
        name: '出租车与网约车',
        children: [
          { code: '040301', name: '拒载绕路' },
          { code: '040302', name: '网约车服务' },
          { code: '040303', name: '非法营运' },
        ],
      },
      {
        code: '0404',
        name: '道路设施',
        children: [
          { code: '040401', name: '道路破损' },
          { code: '040402', name: '交通标志标线' },
          { code: '040403', name: '信号灯故障' },
          { code: '040404', name: '护栏隔离设施' },
        ],
      },
      {
        code: '0405',
        name: '停车管理',
        children: [
          { code: '040501', name: '违章停车' },
          { code: '040502', name: '停车收费' },
          { code: '040503', name: '居住区停车' },
          { code: '040504', name: '停车设施' },
        ],
      },
      {
        code: '0406',
        name: '共享单车',
        children: [
          { code: '040601', name: '乱停乱放' },
          { code: '040602', name: '押金退款' },
          { code: '040603', name: '车辆损坏' },
        ],
      },
    ],
  },
  {
    code: '05',
    name: '市场监管',
    children: [
      {
        code: '0501',
        name: '消费维权',
        children: [
          { code: '050101', name: '商品质量纠纷' },
          { code: '050102', name: '服务合同纠纷' },
          { code: '050103', name: '预付卡退费' },
          { code: '050104', name: '网络购物' },
        ],
      },
      {
        code: '0502',
        name: '食品安全',
        children: [
          { code: '050201', name: '餐饮卫生' },
          { code: '050202', name: '过期变质食品' },
          { code: '050203', name: '无证生产经营食品' },
        ],
      },
      {
        code: '0503',
        name: '价格监管',
        children: [
          { code: '050301', name: '乱收费' },
          { code: '050302', name: '价格欺诈' },
          { code: '050303', name: '明码标价' },
        ],
      },
      {
        code: '0504',
        name: '产品质量',
        children: [
          { code: '050401', name: '假冒伪劣' },
          { code: '050402', name: '特种设备安全' },
          { code: '050403', name: '计量器具' },
        ],
      },
      {
        code: '0505',
        name: '药品医疗器械',
        children: [
          { code: '050501', name: '药品质量' },
          { code: '050502', name: '医疗器械' },
          { code: '050503', name: '化妆品' },
        ],
      },
      {
        code: '0506',
        name: '知识产权',
        children: [
          { code: '050601', name: '商标侵权' },
          { code: '050602', name: '专利侵权' },
          { code: '050603', name: '知识产权咨询' },
        ],
      },
      {
        code: '0507',
        name: '市场主体登记',
        children: [
          { code: '050701', name: '无照经营' },
          { code: '050702', name: '企业登记注册' },
        ],
      },
    ],
  },
  {
    code: '06',
    name: '生态环境',
    children: [
      {
        code: '0601',
        name: '噪声污染',
        children: [
          { code: '060101', name: '施工噪声' },
          { code: '060102', name: '社会生活噪声' },
          { code: '060103', name: '交通噪声' },
          { code: '060104', name: '工业噪声' },
        ],
      },
      {
        code: '0602',
        name: '大气污染',
        children: [
          { code: '060201', name: '工业废气' },
          { code: '060202', name: '扬尘' },
          { code: '060203', name: '餐饮油烟' },
          { code: '060204', name: '露天焚烧' },
        ],
      },
      {
        code: '0603',
        name: '水污染',
        children: [
          { code: '060301', name: '河湖水体污染' },
          { code: '060302', name: '违法排污' },
        ],
      },
      {
        code: '0604',
        name: '固体废物与辐射',
        children: [
          { code: '060401', name: '危险废物' },
          { code: '060402', name: '电磁辐射' },
        ],
      },
      {
        code: '0605',
        name: '河湖水务',
        children: [
          { code: '060501', name: '河道管理' },
          { code: '060502', name: '节约用水' },
        ],
      },
    ],
  },
  {
    code: '07',
    name: '劳动和社会保障',
    children: [
      {
        code: '0701',
        name: '劳动关系',
        children: [
          { code: '070101', name: '拖欠工资' },
          { code: '070102', name: '劳动合同' },
          { code: '070103', name: '工伤认定' },
        ],
      },
      {
        code: '0702',
        name: '社会保险',
        children: [
          { code: '070201', name: '养老保险' },
          { code: '070202', name: '失业保险' },
          { code: '070203', name: '社保转移接续' },
        ],
      },
      {
        code: '0703',
        name: '就业创业',
        children: [
          { code: '070301', name: '就业服务' },
          { code: '070302', name: '职业培训' },
          { code: '070303', name: '创业补贴' },
        ],
      },
      {
        code: '0704',
        name: '医疗保障',
        children: [
          { code: '070401', name: '医保报销' },
          { code: '070402', name: '医保卡' },
          { code: '070403', name: '异地就医' },
        ],
      },
    ],
  },
  {
    code: '08',
    name: '卫生健康',
    children: [
      {
        code: '0801',
        name: '医疗服务',
        children: [
          { code: '080101', name: '就医服务' },
          { code: '080102', name: '医患纠纷' },
          { code: '080103', name: '预约挂号' },
        ],
      },
      {
        code: '0802',
        name: '公共卫生',
        children: [
          { code: '080201', name: '疫苗接种' },
          { code: '080202', name: '传染病防控' },
          { code: '080203', name: '病媒生物防制' },
        ],
      },
      {
        code: '0803',
        name: '人口家庭',
        children: [
          { code: '080301', name: '生育服务' },
          { code: '080302', name: '母婴保健' },
        ],
      },
    ],
  },
  {
    code: '09',
    name: '教育',
    children: [
      {
        code: '0901',
        name: '基础教育',
        children: [
          { code: '090101', name: '入学入园' },
          { code: '090102', name: '学校管理' },
          { code: '090103', name: '教育收费' },
        ],
      },
      {
        code: '0902',
        name: '校外培训',
        children: [
          { code: '090201', name: '培训机构' },
          { code: '090202', name: '培训退费' },
        ],
      },
      {
        code: '0903',
        name: '高等与职业教育',
        children: [
          { code: '090301', name: '招生考试' },
          { code: '090302', name: '学历学位' },
        ],
      },
    ],
  },
  {
    code: '10',
    name: '民政',
    children: [
      {
        code: '1001',
        name: '养老服务',
        children: [
          { code: '100101', name: '养老机构' },
          { code: '100102', name: '居家养老' },
          { code: '100103', name: '老年人补贴' },
        ],
      },
      {
        code: '1002',
        name: '社会救助',
        children: [
          { code: '100201', name: '最低生活保障' },
          { code: '100202', name: '特困供养' },
          { code: '100203', name: '临时救助' },
        ],
      },
      {
        code: '1003',
        name: '婚姻登记',
        children: [
          { code: '100301', name: '结婚登记' },
          { code: '100302', name: '离婚登记' },
        ],
      },
      {
        code: '1004',
        name: '殡葬服务',
        children: [
          { code: '100401', name: '殡葬收费' },
          { code: '100402', name: '公墓管理' },
        ],
      },
      {
        code: '1005',
        name: '社区治理',
        children: [
          { code: '100501', name: '居委会工作' },
          { code: '100502', name: '社会组织' },
        ],
      },
      {
        code: '1006',
        name: '残疾人服务',
        children: [
          { code: '100601', name: '残疾人补贴' },
          { code: '100602', name: '无障碍设施' },
        ],
      },
      {
        code: '1007',
        name: '退役军人服务',
        children: [
          { code: '100701', name: '优抚待遇' },
          { code: '100702', name: '退役安置' },
        ],
      },
    ],
  },
  {
    code: '11',
    name: '公安与社会治安',
    children: [
      {
        code: '1101',
        name: '户籍管理',
        children: [
          { code: '110101', name: '户口迁移' },
          { code: '110102', name: '身份证办理' },
          { code: '110103', name: '居住证' },
        ],
      },
      {
        code: '1102',
        name: '社会治安',
        children: [
          { code: '110201', name: '治安隐患' },
          { code: '110202', name: '群租房' },
          { code: '110203', name: '电信网络诈骗' },
        ],
      },
      {
        code: '1103',
        name: '交通管理',
        children: [
          { code: '110301', name: '驾驶证' },
          { code: '110302', name: '机动车登记' },
          { code: '110303', name: '交通违法处理' },
        ],
      },
      {
        code: '1104',
        name: '出入境',
        children: [{ code: '110401', name: '护照与签注' }],
      },
    ],
  },
  {
    code: '12',
    name: '文化旅游',
    children: [
      {
        code: '1201',
        name: '旅游市场',
        children: [
          { code: '120101', name: '旅行社服务' },
          { code: '120102', name: '景区管理' },
          { code: '120103', name: '导游服务' },
        ],
      },
      {
        code: '1202',
        name: '文化市场',
        children: [
          { code: '120201', name: '演出市场' },
          { code: '120202', name: '娱乐场所' },
          { code: '120203', name: '文物保护' },
        ],
      },
      {
        code: '1203',
        name: '公共文化体育',
        children: [
          { code: '120301', name: '公共文化设施' },
          { code: '120302', name: '全民健身设施' },
        ],
      },
    ],
  },
  {
    code: '13',
    name: '政务服务',
    children: [
      {
        code: '1301',
        name: '住房公积金',
        children: [
          { code: '130101', name: '公积金提取' },
          { code: '130102', name: '公积金贷款' },
          { code: '130103', name: '公积金缴存' },
        ],
      },
      {
        code: '1302',
        name: '政务办事',
        children: [
          { code: '130201', name: '办事指南咨询' },
          { code: '130202', name: '窗口服务' },
          { code: '130203', name: '一网通办' },
        ],
      },
      {
        code: '1303',
        name: '税务',
        children: [
          { code: '130301', name: '个人所得税' },
          { code: '130302', name: '发票' },
          { code: '130303', name: '社保费缴纳' },
        ],
      },
      {
        code: '1304',
        name: '不动产登记',
        children: [
          { code: '130401', name: '产权登记' },
          { code: '130402', name: '不动产证办理' },
        ],
      },
    ],
  },
  {
    code: '14',
    name: '法律服务',
    children: [
      {
        code: '1401',
        name: '法律援助',
        children: [
          { code: '140101', name: '法律援助申请' },
          { code: '140102', name: '法律咨询' },
        ],
      },
      {
        code: '1402',
        name: '公证与调解',
        children: [
          { code: '140201', name: '公证服务' },
          { code: '140202', name: '人民调解' },
        ],
      },
      {
        code: '1403',
        name: '律师服务',
        children: [{ code: '140301', name: '律师执业投诉' }],
      },
    ],
  },
  {
    code: '15',
    name: '邮政快递',
    children: [
      {
        code: '1501',
        name: '快递服务',
        children: [
          { code: '150101', name: '快件丢失损毁' },
          { code: '150102', name: '快件延误' },
          { code: '150103', name: '快递服务态度' },
        ],
      },
      {
        code: '1502',
        name: '邮政服务',
        children: [
          { code: '150201', name: '邮件投递' },
          { code: '150202', name: '邮政网点' },
        ],
      },
    ],
  },
  {
    code: '16',
    name: '农业农村',
    children: [
      {
        code: '1601',
        name: '农业生产',
        children: [
          { code: '160101', name: '农资质量' },
          { code: '160102', name: '动物防疫' },
        ],
      },
      {
        code: '1602',
        name: '农村管理',
        children: [
          { code: '160201', name: '宅基地' },
          { code: '160202', name: '土地承包' },
          { code: '160203', name: '村务公开' },
        ],
      },
    ],
  },
  {
    code: '17',
    name: '应急安全',
    children: [
      {
        code: '1701',
        name: '安全生产',
        children: [
          { code: '170101', name: '安全隐患' },
          { code: '170102', name: '消防隐患' },
          { code: '170103', name: '危险化学品' },
        ],
      },
      {
        code: '1702',
        name: '自然灾害',
        children: [
          { code: '170201', name: '极端天气' },
          { code: '170202', name: '地质灾害' },
        ],
      },
      {
        code: '1703',
        name: '突发事件',
        children: [{ code: '170301', name: '事故灾难' }],
      },
    ],
  },
  {
    code: '18',
    name: '企业服务',
    children: [
      {
        code: '1801',
        name: '营商环境',
        children: [
          { code: '180101', name: '惠企政策咨询' },
          { code: '180102', name: '审批服务' },
        ],
      },
      {
        code: '1802',
        name: '企业诉求',
        children: [
          { code: '180201', name: '融资服务' },
          { code: '180202', name: '用工服务' },
          { code: '180203', name: '用地用房' },
        ],
      },
    ],
  },
  {
    code: '19',
    name: '其他',
    children: [
      {
        code: '1901',
        name: '其他诉求',
        children: [
          { code: '190101', name: '其他咨询' },
          { code: '190102', name: '其他求助' },
          { code: '190103', name: '其他投诉' },
          { code: '190104', name: '其他建议' },
        ],
      },
    ],
  },
];
