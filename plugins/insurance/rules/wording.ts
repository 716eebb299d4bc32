import { text, type LocalizedText } from '../../../src/sdk/index.js';

/**
 * Message params are shared by both languages, so a rule that names its reasons
 * passes them twice: `{reasonZh}` in the zh-CN template, `{reasonEn}` in the en one.
 */
export const reasonParams = (items: LocalizedText[]): { reasonZh: string; reasonEn: string } => ({
  reasonZh: items.map((i) => i['zh-CN']).join('；'),
  reasonEn: items.map((i) => i.en).join('; '),
});

/** The regulations the rules implement (see ../shared/domain/suitability-rules.md). */
export const REGULATIONS = {
  agencyMeasures2019: text(
    '《商业银行代理保险业务管理办法》（银保监办发〔2019〕179号）第三十二条',
    'Measures for the Administration of Insurance Agency Business of Commercial Banks (2019), Art. 32',
  ),
  bancassuranceNotice2014: text(
    '《关于进一步规范商业银行代理保险业务销售行为的通知》（保监发〔2014〕3号）',
    'CIRC Notice on Further Regulating Sales Conduct in Bancassurance (CIRC [2014] No. 3)',
  ),
  agencyGuidelines2011: text(
    '《商业银行代理保险业务监管指引》（保监发〔2011〕10号）第二十七条',
    'Regulatory Guidelines for Insurance Agency Business of Commercial Banks (2011), Art. 27',
  ),
  traceability2017: text(
    '《保险销售行为可回溯管理暂行办法》（保监发〔2017〕54号）第六条',
    'Interim Measures for the Traceability of Insurance Sales (2017), Art. 6',
  ),
  insuranceLaw33: text('《中华人民共和国保险法》第三十三条', 'Insurance Law of the PRC, Art. 33'),
  productTerms: text('保险合同条款（投保年龄、交费方式）', 'Policy terms (insurable ages, payment options)'),
  coolingOff: text(
    '一年期以上人身保险犹豫期（市场通行 15 日，以产品条款为准）',
    'Cooling-off period (犹豫期) of personal insurance over one year (market standard 15 days; per policy terms)',
  ),
} satisfies Record<string, LocalizedText>;
