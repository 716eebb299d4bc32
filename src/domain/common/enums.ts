import { registerEnumType } from 'type-graphql';

export enum RiskLevelEnum { C1 = 'C1', C2 = 'C2', C3 = 'C3', C4 = 'C4', C5 = 'C5' }
export enum ProductRiskEnum { R1 = 'R1', R2 = 'R2', R3 = 'R3', R4 = 'R4', R5 = 'R5' }
export enum SuitabilityOutcomeEnum { ALLOW = 'ALLOW', WARN = 'WARN', REQUIRE = 'REQUIRE', BLOCK = 'BLOCK' }
export enum SaleChannelEnum { COUNTER = 'COUNTER', WEALTH_CENTER = 'WEALTH_CENTER', ONLINE = 'ONLINE', MOBILE = 'MOBILE' }
export enum InitiatorEnum { CUSTOMER = 'CUSTOMER', STAFF = 'STAFF' }
export enum ProductStatusEnum { DRAFT = 'DRAFT', ON_SALE = 'ON_SALE', SUSPENDED = 'SUSPENDED', CLOSED = 'CLOSED' }
export enum LiquidityEnum { HIGH = 'HIGH', MEDIUM = 'MEDIUM', LOW = 'LOW' }
export enum ProductFunctionEnum { PRESERVATION = 'PRESERVATION', TAX_ADVANTAGED = 'TAX_ADVANTAGED', INVESTMENT = 'INVESTMENT' }
export enum TierEnum { STANDARD = 'STANDARD', GOLD = 'GOLD', PLATINUM = 'PLATINUM', DIAMOND = 'DIAMOND', PRIVATE_BANKING = 'PRIVATE_BANKING' }
export enum ActivityEnum { FREQUENT = 'FREQUENT', OCCASIONAL = 'OCCASIONAL', DORMANT = 'DORMANT' }
export enum LifeStageEnum { YOUNG = 'YOUNG', MIDDLE_AGED = 'MIDDLE_AGED', SENIOR = 'SENIOR' }
export enum SizeClassEnum { LARGE = 'LARGE', MEDIUM = 'MEDIUM', SMALL = 'SMALL' }
export enum RiskAttitudeEnum { CONSERVATIVE = 'CONSERVATIVE', BALANCED = 'BALANCED', AGGRESSIVE = 'AGGRESSIVE' }
export enum IncomeBandEnum { ULTRA_HIGH = 'ULTRA_HIGH', MIDDLE_HIGH = 'MIDDLE_HIGH', GENERAL = 'GENERAL' }
export enum TierMeasureEnum { ASSETS = 'ASSETS', CONTRIBUTION = 'CONTRIBUTION' }
export enum ManagerGradeEnum { JUNIOR = 'JUNIOR', INTERMEDIATE = 'INTERMEDIATE', SENIOR = 'SENIOR', PRINCIPAL = 'PRINCIPAL' }
export enum ResidencyEnum { ONSHORE = 'ONSHORE', FOREIGN = 'FOREIGN' }
export enum InvestorTypeEnum { ORDINARY = 'ORDINARY', PROFESSIONAL = 'PROFESSIONAL' }
export enum GenderEnum { MALE = 'MALE', FEMALE = 'FEMALE' }
export enum LegalCapacityEnum { FULL = 'FULL', LIMITED = 'LIMITED', NONE = 'NONE' }
export enum IdTypeEnum { RESIDENT_ID = 'RESIDENT_ID', PASSPORT = 'PASSPORT', HK_MACAO_PERMIT = 'HK_MACAO_PERMIT', FOREIGN_PERMANENT_RESIDENT = 'FOREIGN_PERMANENT_RESIDENT' }
export enum ComplaintStatusEnum { RECORDED = 'RECORDED', ACCEPTED = 'ACCEPTED', ANALYSED = 'ANALYSED', HANDLED = 'HANDLED', FEEDBACK_GIVEN = 'FEEDBACK_GIVEN' }
export enum ContactChannelEnum { PHONE = 'PHONE', VISIT = 'VISIT', SMS = 'SMS', WECHAT = 'WECHAT', EMAIL = 'EMAIL' }
export enum RoleEnum { RELATIONSHIP_MANAGER = 'RELATIONSHIP_MANAGER', BRANCH_MANAGER = 'BRANCH_MANAGER', HEAD_OFFICE = 'HEAD_OFFICE', PARTNER = 'PARTNER', AUDITOR = 'AUDITOR', CHECKER = 'CHECKER' }

/**
 * `ProductLine` has one value per loaded plugin, so its values are filled in
 * just before each schema build (see `buildFinmartSchema`).
 */
export const ProductLineValues: Record<string, string> = {};

const reg = (e: object, name: string, zh: string, en: string) =>
  registerEnumType(e, { name, description: `${zh} / ${en}` });

reg(RiskLevelEnum, 'RiskLevel', '客户风险等级', 'Customer risk level from the risk assessment');
reg(ProductRiskEnum, 'ProductRisk', '产品风险等级', 'Product risk rating');
reg(SuitabilityOutcomeEnum, 'SuitabilityOutcome', '适当性结论（最严格者为准）', 'Suitability outcome (strictest wins)');
reg(SaleChannelEnum, 'SaleChannel', '销售渠道', 'Sale channel');
reg(InitiatorEnum, 'Initiator', '交易发起方', 'Who initiated the sale');
reg(ProductStatusEnum, 'ProductStatus', '产品状态', 'Product status');
reg(LiquidityEnum, 'Liquidity', '流动性', 'Liquidity');
reg(ProductFunctionEnum, 'ProductFunction', '产品功能', 'Product function');
reg(TierEnum, 'Tier', '客户等级', 'Customer tier from total assets or contribution (setting core.tierBasis)');
reg(ActivityEnum, 'Activity', '活跃度', 'Activity from contacts and transactions');
reg(LifeStageEnum, 'LifeStage', '人生阶段', 'Life stage from age');
reg(SizeClassEnum, 'SizeClass', '客户规模（大型/中等/小客户，以业务规模为定量指标）', 'Size class by assets and business volume (thresholds: setting core.sizeClass)');
reg(RiskAttitudeEnum, 'RiskAttitude', '风险态度（保守 C1–C2 / 中庸 C3 / 进取 C4–C5）', 'Risk attitude from the risk level: CONSERVATIVE C1–C2, BALANCED C3, AGGRESSIVE C4–C5');
reg(IncomeBandEnum, 'IncomeBand', '收入分层（家庭年收入）', 'Income band from household annual income (thresholds: setting bundles.incomeBandsCny)');
reg(TierMeasureEnum, 'TierMeasure', '客户等级的衡量口径（资产/贡献度）', 'What a tier is measured on: assets held or contribution to the bank');
reg(ManagerGradeEnum, 'ManagerGrade', '客户经理级别', 'Customer manager grade');
reg(ResidencyEnum, 'Residency', '居民身份', 'Residency');
reg(InvestorTypeEnum, 'InvestorType', '投资者类型', 'Investor type');
reg(GenderEnum, 'Gender', '性别', 'Gender');
reg(LegalCapacityEnum, 'LegalCapacity', '民事行为能力', 'Legal capacity');
reg(IdTypeEnum, 'IdType', '证件类型', 'ID document type');
reg(ComplaintStatusEnum, 'ComplaintStatus', '投诉处理状态', 'Complaint lifecycle state');
reg(ContactChannelEnum, 'ContactChannel', '联系方式', 'Contact channel');
registerEnumType(RoleEnum, {
  name: 'Role',
  description: '角色 / Caller role',
  valuesConfig: {
    RELATIONSHIP_MANAGER: { description: '客户经理: their own book of customers.' },
    BRANCH_MANAGER: { description: '支行负责人: their branch.' },
    HEAD_OFFICE: { description: '总行: the whole bank.' },
    PARTNER: { description: 'A partner (product provider): its own products, never customers.' },
    AUDITOR: { description: '审计/合规: reads everything, changes nothing.' },
    CHECKER: { description: '复核岗: approves or rejects what others made (maker-checker), for their branch (branch_id claim) or the whole bank; initiates nothing.' },
  },
});
registerEnumType(ProductLineValues, { name: 'ProductLine', description: '产品线（每个已加载插件一个） / Product line, one per loaded plugin' });
