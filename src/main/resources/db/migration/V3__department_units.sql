-- Member units (承办单位) of the city and their hierarchy.
-- Bureaus, districts, county-level cities and parks sit at the top (parent_id null): they are peers that
-- the centre dispatches to directly. The traffic police are dispatched to directly too but belong to the public
-- security bureau. Streets and towns hang under their district, which sub-dispatches (下派).
-- district_code is the 属地 district a unit covers: a district, county-level city or park covers itself,
-- a street covers its district, a city-wide bureau covers none.
CREATE TABLE unit
(
  id            BIGSERIAL    PRIMARY KEY,
  code          VARCHAR(40)  NOT NULL UNIQUE,
  name          VARCHAR(100) NOT NULL,
  short_name    VARCHAR(40)  NOT NULL,
  type          VARCHAR(20)  NOT NULL
    CHECK (type IN ('CENTRE', 'CITY_BUREAU', 'DISTRICT', 'COUNTY_CITY', 'PARK', 'STREET', 'ENTERPRISE')),
  parent_id     BIGINT       REFERENCES unit (id),
  district_code VARCHAR(40),
  phone         VARCHAR(30),
  active        BOOLEAN      NOT NULL DEFAULT TRUE,
  sort_order    INT          NOT NULL DEFAULT 0,
  version       BIGINT       NOT NULL DEFAULT 0,
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX unit_parent_idx ON unit (parent_id);

-- Seed: a believable Nantong. Phones are the units' duty lines for 特急 linkage (fictitious numbers).
INSERT INTO unit (code, name, short_name, type, district_code, phone, sort_order) VALUES
  ('center',     '南通市12345政务服务便民热线中心', '12345中心',     'CENTRE',      NULL,         '0513-85012345', 0),
  -- City bureaus, ordered roughly by ticket volume.
  ('rsj',        '南通市人力资源和社会保障局',     '人社局',         'CITY_BUREAU', NULL,         '0513-85098001', 10),
  ('zjj',        '南通市住房和城乡建设局',         '住建局',         'CITY_BUREAU', NULL,         '0513-85098002', 20),
  ('scjgj',      '南通市市场监督管理局',           '市场监管局',     'CITY_BUREAU', NULL,         '0513-85098003', 30),
  ('gaj',        '南通市公安局',                   '公安局',         'CITY_BUREAU', NULL,         '0513-85098004', 40),
  ('jjzd',       '南通市公安局交通警察支队',       '交警支队',       'CITY_BUREAU', NULL,         '0513-85098005', 50),
  ('cgj',        '南通市城市管理局',               '城管局',         'CITY_BUREAU', NULL,         '0513-85098006', 60),
  ('jtysj',      '南通市交通运输局',               '交通运输局',     'CITY_BUREAU', NULL,         '0513-85098007', 70),
  ('wjw',        '南通市卫生健康委员会',           '卫健委',         'CITY_BUREAU', NULL,         '0513-85098008', 80),
  ('ybj',        '南通市医疗保障局',               '医保局',         'CITY_BUREAU', NULL,         '0513-85098009', 90),
  ('jyj',        '南通市教育局',                   '教育局',         'CITY_BUREAU', NULL,         '0513-85098010', 100),
  ('sthjj',      '南通市生态环境局',               '生态环境局',     'CITY_BUREAU', NULL,         '0513-85098011', 110),
  ('gjj',        '南通市住房公积金管理中心',       '公积金中心',     'CITY_BUREAU', NULL,         '0513-85098012', 120),
  ('mzj',        '南通市民政局',                   '民政局',         'CITY_BUREAU', NULL,         '0513-85098013', 130),
  ('zrzyj',      '南通市自然资源和规划局',         '自然资源和规划局', 'CITY_BUREAU', NULL,       '0513-85098014', 140),
  ('sfj',        '南通市司法局',                   '司法局',         'CITY_BUREAU', NULL,         '0513-85098015', 150),
  ('wglj',       '南通市文化广电和旅游局',         '文广旅局',       'CITY_BUREAU', NULL,         '0513-85098016', 160),
  ('nyncj',      '南通市农业农村局',               '农业农村局',     'CITY_BUREAU', NULL,         '0513-85098017', 170),
  ('yjglj',      '南通市应急管理局',               '应急管理局',     'CITY_BUREAU', NULL,         '0513-85098018', 180),
  ('xfzd',       '南通市消防救援支队',             '消防救援支队',   'CITY_BUREAU', NULL,         '0513-85098019', 190),
  ('xzspj',      '南通市行政审批局',               '行政审批局',     'CITY_BUREAU', NULL,         '0513-85098020', 200),
  ('gxj',        '南通市工业和信息化局',           '工信局',         'CITY_BUREAU', NULL,         '0513-85098021', 210),
  ('swj',        '国家税务总局南通市税务局',       '税务局',         'CITY_BUREAU', NULL,         '0513-85098022', 220),
  ('rcb',        '中共南通市委人才工作领导小组办公室', '人才办',     'CITY_BUREAU', NULL,         '0513-85098023', 230),
  ('tyjrj',      '南通市退役军人事务局',           '退役军人事务局', 'CITY_BUREAU', NULL,         '0513-85098024', 240),
  ('cl',         '南通市残疾人联合会',             '残联',           'CITY_BUREAU', NULL,         '0513-85098025', 250),
  ('fl',         '南通市妇女联合会',               '妇联',           'CITY_BUREAU', NULL,         '0513-85098026', 260),
  -- Utilities: enterprises that handle tickets like a bureau.
  ('swjt',       '南通市水务集团有限公司',         '水务集团',       'ENTERPRISE',  NULL,         '0513-85098101', 300),
  ('gdgs',       '国网南通供电公司',               '供电公司',       'ENTERPRISE',  NULL,         '0513-85098102', 310),
  ('rqgs',       '南通燃气有限公司',               '燃气公司',       'ENTERPRISE',  NULL,         '0513-85098103', 320),
  -- Districts and county-level cities: the 属地 units.
  ('chongchuan', '南通市崇川区人民政府',           '崇川区',         'DISTRICT',    'chongchuan', '0513-85098201', 400),
  ('tongzhou',   '南通市通州区人民政府',           '通州区',         'DISTRICT',    'tongzhou',   '0513-85098202', 410),
  ('haimen',     '南通市海门区人民政府',           '海门区',         'DISTRICT',    'haimen',     '0513-85098203', 420),
  ('haian',      '海安市人民政府',                 '海安市',         'COUNTY_CITY', 'haian',      '0513-85098204', 430),
  ('rugao',      '如皋市人民政府',                 '如皋市',         'COUNTY_CITY', 'rugao',      '0513-85098205', 440),
  ('qidong',     '启东市人民政府',                 '启东市',         'COUNTY_CITY', 'qidong',     '0513-85098206', 450),
  ('rudong',     '如东县人民政府',                 '如东县',         'COUNTY_CITY', 'rudong',     '0513-85098207', 460),
  -- Parks run their own territory, so they are 属地 units too.
  ('sxt',        '苏锡通科技产业园区管理委员会',   '苏锡通园区',     'PARK',        'sxt',        '0513-85098301', 500),
  ('kfq',        '南通经济技术开发区管理委员会',   '开发区',         'PARK',        'kfq',        '0513-85098302', 510);

-- Streets and towns under their district; they cover their parent's territory.
INSERT INTO unit (code, name, short_name, type, parent_id, district_code, phone, sort_order)
SELECT s.code, s.name, s.short_name, 'STREET', p.id, p.code, s.phone, s.sort_order
FROM (VALUES
  ('chongchuan', 'cc-hpq', '崇川区和平桥街道办事处',   '和平桥街道',   '0513-85098211', 1),
  ('chongchuan', 'cc-cd',  '崇川区城东街道办事处',     '城东街道',     '0513-85098212', 2),
  ('chongchuan', 'cc-xcq', '崇川区新城桥街道办事处',   '新城桥街道',   '0513-85098213', 3),
  ('chongchuan', 'cc-gys', '崇川区观音山街道办事处',   '观音山街道',   '0513-85098214', 4),
  ('chongchuan', 'cc-lsz', '崇川区狼山镇街道办事处',   '狼山镇街道',   '0513-85098215', 5),
  ('chongchuan', 'cc-xt',  '崇川区学田街道办事处',     '学田街道',     '0513-85098216', 6),
  ('chongchuan', 'cc-tzz', '崇川区唐闸镇街道办事处',   '唐闸镇街道',   '0513-85098217', 7),
  ('tongzhou',   'tz-js',  '通州区金沙街道办事处',     '金沙街道',     '0513-85098221', 1),
  ('tongzhou',   'tz-xf',  '通州区先锋街道办事处',     '先锋街道',     '0513-85098222', 2),
  ('tongzhou',   'tz-xr',  '通州区兴仁镇人民政府',     '兴仁镇',       '0513-85098223', 3)
) AS s (parent_code, code, name, short_name, phone, sort_order)
JOIN unit p ON p.code = s.parent_code;

-- The traffic police detachment belongs to the public security bureau.
UPDATE unit SET parent_id = (SELECT id FROM unit WHERE code = 'gaj') WHERE code = 'jjzd';
