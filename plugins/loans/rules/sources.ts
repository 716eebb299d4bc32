import { text } from '../../../src/sdk/index.js';

/** The regulations the loan rules rest on, quoted in their reasons. */
export const SOURCES = {
  personalLoans2024: text(
    '《个人贷款管理办法》（国家金融监督管理总局令 2024 年第 3 号）',
    'Measures for the Administration of Personal Loans (NFRA Order 2024 No. 3)',
  ),
  realEstateGuideline: text(
    '《商业银行房地产贷款风险管理指引》（银监发〔2004〕57 号）',
    'Guidelines on Risk Management of Real Estate Loans of Commercial Banks (CBRC 2004 No. 57)',
  ),
  downPayment2024: text(
    '《关于调整个人住房贷款最低首付款比例政策的通知》（银发〔2024〕102 号）',
    'PBOC–NFRA notice on minimum down payments for housing loans (2024 No. 102)',
  ),
  creditReporting: text(
    '《征信业管理条例》第十八条：查询个人信息须取得本人书面同意',
    "Regulation on the Administration of Credit Reporting, Art. 18: written consent before querying a person's credit information",
  ),
  pledge: text(
    '《中华人民共和国民法典》第四编第十八章第二节（权利质权）及《个人贷款管理办法》第十七条（担保）',
    'Civil Code, Book II, Part 4, Ch. 18 §2 (pledges of rights), and the personal loan measures Art. 17 (security)',
  ),
  postLoan: text(
    '《个人贷款管理办法》第五章（贷后管理）及本行客户适当性要求',
    "Personal loan measures, Ch. 5 (post-loan management), and the bank's suitability policy",
  ),
  houseRule: text('本行个人贷款产品条款', "The bank's personal loan product terms"),
};
