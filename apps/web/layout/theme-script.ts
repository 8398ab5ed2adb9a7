/** Runs before paint: the saved theme, else the system's, so dark mode never flashes white. */
export const THEME_SCRIPT = `try{var t=localStorage.getItem('immo.theme');if(t==='dark'||(!t&&matchMedia('(prefers-color-scheme: dark)').matches))document.documentElement.classList.add('dark')}catch(e){}`;
