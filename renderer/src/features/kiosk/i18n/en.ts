import type { Messages } from './zh-CN.js';

export const en: Messages = {
  kiosk: {
    open: 'Open resident kiosk',
    close: 'Close kiosk',
    scales: 'Scales offered',
    pin: 'PIN to leave the kiosk (4–8 digits)',
    showScores: 'Show the score to the resident at the end',
    opened: 'The kiosk is open.',
    welcome: 'Welcome to the self-assessment',
    consentTitle: 'Before you start',
    consent: 'This questionnaire helps our staff understand how you have been feeling. Results are confidential and used only to serve you. You may stop at any time. Please do not enter ID or phone numbers.',
    agree: 'I understand, start',
    nickname: 'Your nickname or the code staff gave you (optional)',
    choose: 'Choose a questionnaire',
    back: 'Back',
    next: 'Next',
    finish: 'Submit',
    progress: 'Question {n} of {total}',
    readAloud: 'Read aloud',
    idleWarning: 'No activity: returning to the start in {seconds} s; answers will not be kept.',
    stay: 'Continue',
    thanks: 'Thank you for completing the questionnaire.',
    thanksHint: 'Our staff will contact you if needed.',
    yourScore: 'Your score: {total} ({band})',
    critical: 'Please wait a moment; a member of staff will come to talk with you.',
    hotlines: 'Help is available any time: psychological aid hotline 12356 · police 110 · ambulance 120',
    done: 'Back to start',
    exit: 'Staff exit',
    exitPin: 'Staff PIN',
    closed: 'The kiosk is closed. Please ask a member of staff.',
  },
  audit: {
    actions: {
      kiosk: { open: 'Kiosk opened', close: 'Kiosk closed' },
    },
  },
};
